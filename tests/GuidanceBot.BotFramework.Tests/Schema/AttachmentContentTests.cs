using System.Text;
using System.Text.Json;
using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.BotFramework.Tests.Schema;

public sealed class AttachmentContentTests
{
    private const string Card = """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Bel 112 \u003Cnu\u003E"}],"x-unknown":[1,2.50,null]}""";

    [Fact]
    public void Serialize_FromUtf8Json_WritesTheBytesAsTheyAre()
    {
        var activity = new Activity { Type = "message", Attachments = [new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(Card)).ToAdaptiveCardAttachment()] };

        var json = ActivityParser.Serialize(activity);

        Assert.Contains($"\"content\":{Card}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ThenSerialize_KeepsTheContentValue()
    {
        var body = $$"""{"type":"message","conversation":{"id":"c"},"serviceUrl":"http://localhost/","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{{Card}}}]}""";

        var parsed = ActivityParser.Parse(Encoding.UTF8.GetBytes(body)).Activity!;
        var written = JsonDocument.Parse(ActivityParser.Serialize(parsed)).RootElement.GetProperty("attachments")[0].GetProperty("content");

        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(Card).RootElement, written));
        Assert.Equal("1.5", parsed.Attachments![0].Content!.Element.GetProperty("version").GetString());
    }

    [Fact]
    public void Element_FromUtf8Json_IsTheParsedValue()
    {
        var content = AttachmentContent.FromUtf8Json(Encoding.UTF8.GetBytes(Card));

        Assert.Equal("Bel 112 <nu>", content.Element.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Equal(Card, Encoding.UTF8.GetString(content.ToUtf8Json().Span));
    }

    [Fact]
    public void Parse_NullContent_IsNull()
    {
        var body = """{"type":"message","conversation":{"id":"c"},"serviceUrl":"http://localhost/","attachments":[{"contentType":"text/plain","content":null}]}""";

        var parsed = ActivityParser.Parse(Encoding.UTF8.GetBytes(body)).Activity!;

        Assert.Null(parsed.Attachments![0].Content);
    }

    [Fact]
    public void FromUtf8Json_Empty_Throws() =>
        Assert.Throws<ArgumentException>(() => AttachmentContent.FromUtf8Json(ReadOnlyMemory<byte>.Empty));
}
