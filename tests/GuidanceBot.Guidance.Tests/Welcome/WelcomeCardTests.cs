using GuidanceBot.BotFramework.Schema;
using GuidanceBot.Cards;
using GuidanceBot.Guidance.Contacts;
using GuidanceBot.Guidance.Welcome;
using GuidanceBot.Testing;

namespace GuidanceBot.Guidance.Tests.Welcome;

public sealed class WelcomeCardTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Build_ValidatesAgainstSchemaAndBudget(bool inGroup)
    {
        CardAssert.IsValid(WelcomeCard.Build(inGroup));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Build_NamesEmergencyNumbersAndTheThreeFlows(bool inGroup)
    {
        var text = string.Join("\n", CardAssert.AllText(WelcomeCard.Build(inGroup)));

        Assert.Contains(EmergencyContacts.Alarmnummer, text, StringComparison.Ordinal);
        Assert.Contains(EmergencyContacts.VeiligThuis, text, StringComparison.Ordinal);
        Assert.Contains("signaleren", text, StringComparison.Ordinal);
        Assert.Contains("risico", text, StringComparison.Ordinal);
        Assert.Contains("melden", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_InPersonalChat_HasAButtonPerFlow()
    {
        var buttons = CardAssert.ObjectsOf(WelcomeCard.Build(inGroup: false), "Action.Submit").ToList();

        Assert.Equal(3, buttons.Count);
    }

    [Fact]
    public void Build_InGroup_HasNoFlowButtonsAndSaysWhereTheFlowsRun()
    {
        var card = WelcomeCard.Build(inGroup: true);

        Assert.Empty(CardAssert.ObjectsOf(card, "Action.Submit"));
        Assert.Contains(WelcomeTexts.FlowsInPersonalChat, CardAssert.AllText(card));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(ConversationTypes.GroupChat, true)]
    [InlineData(ConversationTypes.Channel, true)]
    public void MessageFor_EachTimeANewActivityWithTheCardForThatConversation(string? conversationType, bool inGroup)
    {
        var inbound = new Activity { Type = ActivityTypes.Message, Conversation = new ConversationAccount { Id = "c", ConversationType = conversationType } };

        var first = WelcomeCard.MessageFor(inbound);
        var second = WelcomeCard.MessageFor(inbound);

        Assert.NotSame(first, second);
        var expected = System.Text.Json.JsonDocument.Parse(CardSerializer.Serialize(WelcomeCard.Build(inGroup))).RootElement;
        Assert.True(System.Text.Json.JsonElement.DeepEquals(expected, first.Attachments![0].Content!.Element));
        Assert.Equal(Attachment.AdaptiveCardContentType, first.Attachments[0].ContentType);
    }
}
