using System.Text.Json;
using System.Text.Json.Nodes;
using GuidanceBot.BotFramework.Dialogs.Prompts;
using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.BotFramework.Tests.Dialogs;

public class PromptSubmitTests
{
    private const string Card = """
        {
          "type": "AdaptiveCard",
          "version": "1.5",
          "body": [
            { "type": "TextBlock", "text": "Vraag" },
            { "type": "ActionSet", "actions": [ { "type": "Action.Submit", "title": "In de body" } ] }
          ],
          "actions": [
            { "type": "Action.Submit", "title": "Ja", "data": { "answer": "ja" } },
            { "type": "Action.OpenUrl", "title": "Bron", "url": "https://example.org/" },
            { "type": "Action.ShowCard", "title": "Meer", "card": {
                "type": "AdaptiveCard", "actions": [ { "type": "Action.Execute", "title": "Diep", "verb": "x" } ] } }
          ],
          "x-unknown": { "kept": true }
        }
        """;

    [Fact]
    public void Stamp_EverySubmitAndExecute_CarriesTheNonce_AndNothingElseChanges()
    {
        var prompt = PromptWith(Card);

        var stamped = PromptSubmit.Stamp(prompt, "abc123");

        var card = JsonNode.Parse(stamped.Attachments![0].Content!.Element.GetRawText())!;
        Assert.Equal("abc123", (string?)card["body"]![1]!["actions"]![0]!["data"]![PromptSubmit.NonceKey]);
        Assert.Equal("abc123", (string?)card["actions"]![0]!["data"]![PromptSubmit.NonceKey]);
        Assert.Equal("ja", (string?)card["actions"]![0]!["data"]!["answer"]);
        Assert.Null(card["actions"]![1]!["data"]);
        Assert.Equal("abc123", (string?)card["actions"]![2]!["card"]!["actions"]![0]!["data"]![PromptSubmit.NonceKey]);
        Assert.True((bool)card["x-unknown"]!["kept"]!);
        Assert.Equal("Vraag", stamped.Text);
        Assert.Equal("keep-me", stamped.Attachments[1].Name);
    }

    [Fact]
    public void Stamp_LeavesThePromptItWasGivenUntouched()
    {
        var prompt = PromptWith(Card);
        var before = JsonSerializer.Serialize(prompt, BotJsonContext.Default.Activity);

        var stamped = PromptSubmit.Stamp(prompt, "abc123");
        stamped.ReplyToId = "changed by sending";

        Assert.Equal(before, JsonSerializer.Serialize(prompt, BotJsonContext.Default.Activity));
        Assert.DoesNotContain("abc123", before, StringComparison.Ordinal);
    }

    [Fact]
    public void Stamp_NonCardAttachment_IsNotStamped()
    {
        var prompt = PromptWith(Card);

        var stamped = PromptSubmit.Stamp(prompt, "abc123");

        Assert.DoesNotContain("abc123", stamped.Attachments![1].Content!.Element.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0123456789abcdef")]
    [InlineData("needs \"escaping\" \\ </script>")]
    public void Stamp_SameCardTwice_EachCopyHasItsOwnNonceAndEqualsStampingTheTree(string nonce)
    {
        var prompt = PromptWith(Card);

        var first = PromptSubmit.Stamp(prompt, "first-nonce");
        var second = PromptSubmit.Stamp(prompt, nonce);

        var expected = JsonNode.Parse(Card);
        Assert.Equal(3, PromptSubmit.StampNode(expected, nonce));
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(second.Attachments![0].Content!.Element.GetRawText())));
        Assert.Contains("first-nonce", first.Attachments![0].Content!.Element.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("first-nonce", second.Attachments[0].Content!.Element.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Stamp_CardWithoutSubmitActions_IsUnchanged()
    {
        const string plain = """{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "Alleen tekst" } ] }""";

        var stamped = PromptSubmit.Stamp(PromptWith(plain), "abc123");

        Assert.True(JsonElement.DeepEquals(JsonElement.Parse(plain), stamped.Attachments![0].Content!.Element));
    }

    private static Activity PromptWith(string card) => new()
    {
        Type = ActivityTypes.Message,
        Text = "Vraag",
        Attachments =
        [
            new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = AttachmentContent.FromElement(JsonElement.Parse(card)) },
            // Another kind of attachment that happens to contain a submit-shaped object: left alone.
            new Attachment
            {
                ContentType = "application/vnd.example",
                Name = "keep-me",
                Content = AttachmentContent.FromElement(JsonElement.Parse("""{ "type": "Action.Submit", "data": {} }""")),
            },
        ],
    };
}
