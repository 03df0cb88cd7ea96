using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GuidanceBot.Testing;

namespace GuidanceBot.IntegrationTests.Infrastructure;

/// <summary>Posting activities to /api/messages and reading expectReplies bodies.</summary>
public static class HttpClientExtensions
{
    public static Task<HttpResponseMessage> PostActivityAsync(this HttpClient client, JsonNode activity, string? bearerToken = null) =>
        client.PostRawAsync(activity.ToJson(), bearerToken);

    public static async Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string body, string? bearerToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The activities of an expectReplies response body.</summary>
    public static async Task<IReadOnlyList<JsonObject>> ReadRepliesAsync(this HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return [.. body["activities"]!.AsArray().Select(a => a!.AsObject())];
    }

    /// <summary>The Adaptive Card content of an activity's first attachment.</summary>
    public static JsonObject? Card(this JsonObject activity) =>
        activity["attachments"]?.AsArray().FirstOrDefault()?["content"]?.AsObject();

    /// <summary>The id of the card's first body element, which is how product cards name themselves.</summary>
    public static string? CardId(this JsonObject activity) => (string?)activity.Card()?["body"]?[0]?["id"];

    public static JsonObject ParseObject(string json) => JsonNode.Parse(json)!.AsObject();

    public static string Compact(this JsonElement element) => element.GetRawText();
}
