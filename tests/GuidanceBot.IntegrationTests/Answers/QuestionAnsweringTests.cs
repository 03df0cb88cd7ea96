using System.Net;
using System.Text.Json.Nodes;
using GuidanceBot.Guidance.Answers;
using GuidanceBot.IntegrationTests.Infrastructure;
using GuidanceBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.IntegrationTests.Answers;

/// <summary>Questions through /api/messages against the real knowledge/ folder.</summary>
public sealed class QuestionAnsweringTests : IClassFixture<BotApplicationFactory>, IDisposable
{
    private readonly BotApplicationFactory _factory;

    public QuestionAnsweringTests(BotApplicationFactory factory)
    {
        _factory = factory;
    }

    public void Dispose() => _factory.AssertNoSensitiveTextLogged();

    [Fact]
    public async Task Question_OnTopic_ReturnsAnswerCardWithSources()
    {
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(TestActivities.Message("Hoe meld ik een slachtoffer aan bij CoMensha?", expectReplies: true));

        var reply = Assert.Single(await response.ReadRepliesAsync());
        Assert.Equal(AnswerCard.Id, reply.CardId());
        var card = reply.Card()!.ToJsonString();
        Assert.Contains(AnswerTexts.Sources, card, StringComparison.Ordinal);
        Assert.Contains("Action.OpenUrl", card, StringComparison.Ordinal);
        Assert.Contains("CoMensha", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Question_OffTopic_ReturnsNoAnswerCard()
    {
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(TestActivities.Message("Wat is het recept voor appeltaart?", expectReplies: true));

        Assert.Equal(NoAnswerCard.Id, Assert.Single(await response.ReadRepliesAsync()).CardId());
    }

    [Fact]
    public async Task Feedback_ForRealPassage_IsCountedAndThanked()
    {
        var client = _factory.CreateClient();
        var feedback = _factory.Services.GetRequiredService<AnswerFeedback>();
        var answer = await client.PostActivityAsync(TestActivities.Message("Wat is het telefoonnummer van Veilig Thuis?", expectReplies: true));
        var data = FeedbackData(Assert.Single(await answer.ReadRepliesAsync()), AnswerTexts.Useful);
        var before = feedback.CountFor((string)data["passageId"]!);

        var response = await client.PostActivityAsync(TestActivities.Submit(data));

        Assert.Equal(AnswerTexts.FeedbackThanks, (string?)Assert.Single(await response.ReadRepliesAsync())["text"]);
        Assert.Equal(before.Useful + 1, feedback.CountFor((string)data["passageId"]!).Useful);
    }

    [Fact]
    public async Task Feedback_ForUnknownPassage_IsNotCounted()
    {
        var client = _factory.CreateClient();
        var feedback = _factory.Services.GetRequiredService<AnswerFeedback>();
        var forged = new JsonObject { ["verb"] = AnswerFeedback.Verb, ["passageId"] = "geen#passage <script>", ["useful"] = true };

        var response = await client.PostActivityAsync(TestActivities.Submit(forged));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new FeedbackCount(0, 0), feedback.CountFor("geen#passage <script>"));
    }

    [Fact]
    public async Task CommandButtonSubmit_Help_ShowsWelcome()
    {
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(TestActivities.Submit(new JsonObject { ["command"] = "help" }));

        Assert.Equal("welcome", Assert.Single(await response.ReadRepliesAsync()).CardId());
    }

    private static JsonObject FeedbackData(JsonObject reply, string title)
    {
        var action = reply.Card()!["actions"]!.AsArray().Single(a => (string?)a!["title"] == title)!;
        return action["data"]!.DeepClone().AsObject();
    }
}
