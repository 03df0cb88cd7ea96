using GuidanceBot.Cards;
using GuidanceBot.Guidance.Contacts;
using GuidanceBot.Guidance.Welcome;
using GuidanceBot.Testing;

namespace GuidanceBot.Guidance.Tests.Welcome;

public sealed class WelcomeCardTests
{
    [Fact]
    public void Build_ValidatesAgainstSchemaAndBudget()
    {
        CardAssert.IsValid(WelcomeCard.Build());
    }

    [Fact]
    public void Build_NamesEmergencyNumbersAndTheThreeFlows()
    {
        var text = string.Join("\n", CardAssert.AllText(WelcomeCard.Build()));

        Assert.Contains(EmergencyContacts.Alarmnummer, text, StringComparison.Ordinal);
        Assert.Contains(EmergencyContacts.VeiligThuis, text, StringComparison.Ordinal);
        Assert.Contains("signaleren", text, StringComparison.Ordinal);
        Assert.Contains("risico", text, StringComparison.Ordinal);
        Assert.Contains("melden", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_EachTimeANewActivityWithTheBuiltCard()
    {
        var first = WelcomeCard.Message();
        var second = WelcomeCard.Message();

        Assert.NotSame(first, second);
        var expected = System.Text.Json.JsonDocument.Parse(CardSerializer.Serialize(WelcomeCard.Build())).RootElement;
        Assert.True(System.Text.Json.JsonElement.DeepEquals(expected, first.Attachments![0].Content!.Element));
        Assert.Equal(BotFramework.Schema.Attachment.AdaptiveCardContentType, first.Attachments[0].ContentType);
    }
}
