using System.Text;
using System.Text.Json.Nodes;
using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.BotFramework.Tests.Schema;

public sealed class ActivityParserTests
{
    private const string TeamsMessage = """
        {
          "type": "message",
          "id": "1575667808184",
          "timestamp": "2026-11-28T12:00:00.123Z",
          "localTimestamp": "2026-11-28T13:00:00.123+01:00",
          "localTimezone": "Europe/Amsterdam",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "channelId": "msteams",
          "from": { "id": "29:1abc", "name": "Sanne", "aadObjectId": "7f0e" },
          "recipient": { "id": "28:bot", "name": "GuidanceBot" },
          "conversation": { "id": "a:1x;messageid=9", "conversationType": "channel", "tenantId": "t1", "isGroup": true },
          "text": "<at>GuidanceBot</at> wat is CoMensha?",
          "textFormat": "plain",
          "locale": "nl-NL",
          "entities": [
            { "type": "mention", "text": "<at>GuidanceBot</at>", "mentioned": { "id": "28:bot", "name": "GuidanceBot" } },
            { "type": "clientInfo", "locale": "nl-NL", "country": "NL", "platform": "Web", "timezone": "Europe/Amsterdam" }
          ],
          "channelData": { "tenant": { "id": "t1" }, "team": { "id": "19:team" }, "channel": { "id": "19:chan@thread.tacv2" } },
          "attachments": [ { "contentType": "text/html", "content": "<div>x</div>" } ],
          "unknownTopLevel": { "kept": [1, 2, 3] }
        }
        """;

    [Fact]
    public void Parse_TeamsMessage_ReadsModelledFields()
    {
        var result = ActivityParser.Parse(Encoding.UTF8.GetBytes(TeamsMessage));

        var activity = Assert.IsType<Activity>(result.Activity);
        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("a:1x;messageid=9", activity.Conversation!.Id);
        Assert.True(activity.Conversation.IsGroup);
        Assert.Equal("29:1abc", activity.From!.Id);
        Assert.Equal(2, activity.Entities!.Count);
        Assert.Equal("28:bot", activity.Entities[0].Mentioned!.Id);
    }

    [Fact]
    public void Serialize_AfterParse_KeepsEveryFieldIncludingUnknownOnes()
    {
        var activity = ActivityParser.Parse(Encoding.UTF8.GetBytes(TeamsMessage)).Activity!;

        var roundTripped = JsonNode.Parse(ActivityParser.Serialize(activity));

        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(TeamsMessage), roundTripped),
            "round trip changed the activity: " + roundTripped!.ToJsonString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("\"text\"")]
    [InlineData("{\"type\": 5}")]
    [InlineData("{\"type\":\"message\",\"conversation\":\"nope\"}")]
    [InlineData("{\"type\":\"message\",\"entities\":{}}")]
    public void Parse_WrongShapes_ReturnsErrorInsteadOfThrowing(string json)
    {
        var result = ActivityParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.False(result.IsValid);
        Assert.NotNull(result.Error);
    }

    [Theory]
    [InlineData("""{"type":"message","conversation":{"id":5}}""", "$.conversation.id")]
    [InlineData("""{"type":"message","entities":[{"type":"mention"},{"type":[]}]}""", "$.entities[1].type")]
    public void Parse_FieldOfWrongType_NamesItsPath(string json, string path)
    {
        var result = ActivityParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal($"The body is not a valid activity JSON object (the value at {path} has the wrong type or form).", result.Error);
    }

    [Theory]
    [InlineData("""{"type":"typing"}xx""")]
    [InlineData("""{"type":"typing"}{"type":"typing"}""")]
    [InlineData("""{"type":"typing"},""")]
    public void Parse_ContentAfterTheActivity_IsRefused(string json)
    {
        var result = ActivityParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal("The body is not a valid activity JSON object.", result.Error);
    }

    [Fact]
    public void Parse_WhitespaceAfterTheActivity_IsAccepted()
    {
        var result = ActivityParser.Parse("{\"type\":\"typing\"}\r\n  \n"u8);

        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("""{"type":"typing","value":{"x":"\ud800"}}""")]
    [InlineData("""{"type":"typing","value":{"\udc00":1}}""")]
    [InlineData("""{"type":"typing","from":{"id":"u","extra":"a\ud83d"}}""")]
    [InlineData("""{"type":"typing","channelData":[["\udfff\ud800"]]}""")]
    public void Parse_LoneSurrogateAnywhere_IsRefused(string json)
    {
        var result = ActivityParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal("The body is not a valid activity JSON object.", result.Error);
    }

    [Fact]
    public void Parse_EscapedSurrogatePair_IsAccepted()
    {
        var result = ActivityParser.Parse("""{"type":"typing","value":{"x":"\ud83d\ude00"}}"""u8);

        Assert.Equal("\U0001F600", result.Activity!.Value!.Value.GetProperty("x").GetString());
    }

    [Fact]
    public void Parse_ByteOrderMark_IsIgnored()
    {
        var result = ActivityParser.Parse([0xEF, 0xBB, 0xBF, .. """{"type":"typing"}"""u8]);

        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("attachments")]
    [InlineData("entities")]
    [InlineData("membersAdded")]
    [InlineData("membersRemoved")]
    public void Parse_NullItemInList_IsRefusedNamingTheList(string list)
    {
        var result = ActivityParser.Parse(Encoding.UTF8.GetBytes($$"""{"type":"typing","{{list}}":[null]}"""));

        Assert.Equal($"The activity's {list} contains null.", result.Error);
    }

    [Fact]
    public void Parse_InvokeWithoutServiceUrl_IsRefused()
    {
        var result = ActivityParser.Parse("""{"type":"invoke","name":"composeExtension/query","conversation":{"id":"c"}}"""u8);

        Assert.Equal("The activity has no serviceUrl.", result.Error);
    }

    [Fact]
    public void Parse_TypingWithoutConversation_IsAccepted()
    {
        var result = ActivityParser.Parse("""{"type":"typing"}"""u8);

        Assert.True(result.IsValid);
    }
}
