using GuidanceBot.Guidance.Answers;
using GuidanceBot.Guidance.Welcome;
using GuidanceBot.IntegrationTests.Infrastructure;
using GuidanceBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GuidanceBot.IntegrationTests.EndToEnd;

/// <summary>Product cards through the official adaptivecards JS renderer (STYLE.md §6: the render smoke test).</summary>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class CardRenderingTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Render_WelcomeCard_ParsesValidatesAndRenders()
    {
        var results = await AdaptiveCardsRenderer.RenderAsync(CardToRender.From(WelcomeCard.Id, WelcomeCard.Build(inGroup: false)));

        var welcome = Assert.Single(results);
        output.WriteLine($"Screenshot: {welcome.ScreenshotPath}");
        Assert.Empty(welcome.ParseErrors);
        Assert.Empty(welcome.ValidationEvents);
        Assert.True(welcome.Rendered, "card.render() produced nothing.");
        Assert.StartsWith(WelcomeTexts.Title, welcome.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", welcome.Text, StringComparison.Ordinal);
        Assert.Equal([WelcomeTexts.SignalerenButton, WelcomeTexts.RisicoButton, WelcomeTexts.MeldenButton], welcome.Buttons);
        Assert.True(File.Exists(welcome.ScreenshotPath), $"No screenshot at {welcome.ScreenshotPath}.");
    }

    [SkippableFact]
    public async Task Render_AnswerCards_ParseValidateAndRender()
    {
        using var factory = new BotApplicationFactory();
        var answering = factory.Services.GetRequiredService<QuestionAnswering>();
        var cards = new[]
        {
            CardToRender.From("answer", answering.CardFor("Hoe meld ik een slachtoffer aan bij CoMensha?", shareable: false)),
            CardToRender.From("answer-shared", answering.CardFor("Welke signalen zijn er bij loverboys?", shareable: true)),
            CardToRender.From("no-answer", answering.CardFor("Wat is het recept voor appeltaart?", shareable: false)),
        };

        var results = await AdaptiveCardsRenderer.RenderAsync(cards);

        Assert.Equal(3, results.Count);
        Assert.All(results, result =>
        {
            output.WriteLine($"{result.Name}: {result.ScreenshotPath}");
            Assert.Empty(result.ParseErrors);
            Assert.Empty(result.ValidationEvents);
            Assert.True(result.Rendered, $"{result.Name}: card.render() produced nothing.");
            Assert.True(File.Exists(result.ScreenshotPath), $"No screenshot at {result.ScreenshotPath}.");
        });
        Assert.Equal([AnswerTexts.Useful, AnswerTexts.NotUseful], results[0].Buttons.Where(b => b.Contains("uttig", StringComparison.Ordinal)));
        Assert.DoesNotContain(AnswerTexts.Useful, results[1].Buttons);
        Assert.Contains(AnswerTexts.Sources, results[0].Text, StringComparison.Ordinal);
        Assert.Contains("112", results[2].Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Render_TypedTextFunction_ShowsAsTyped()
    {
        // The renderer turns {{DATE(…)}} in any text run into a date; a question shown back must read as it was typed.
        using var factory = new BotApplicationFactory();
        var answering = factory.Services.GetRequiredService<QuestionAnswering>();
        var card = answering.CardFor("Hoe meld ik bij CoMensha? {{DATE(2017-02-14T06:08:39Z, LONG)}}", shareable: false);

        var result = Assert.Single(await AdaptiveCardsRenderer.RenderAsync(CardToRender.From("text-function", card)));

        Assert.True(result.Rendered, "card.render() produced nothing.");
        Assert.Contains("DATE(2017-02-14T06:08:39Z, LONG)", result.Text, StringComparison.Ordinal);
    }
}
