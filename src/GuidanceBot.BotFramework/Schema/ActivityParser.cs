using System.Text.Json;

namespace GuidanceBot.BotFramework.Schema;

/// <summary>The outcome of reading a request body as an activity: either an activity or a short reason.</summary>
public sealed record ActivityParseResult(Activity? Activity, string? Error)
{
    public bool IsValid => Activity is not null;
}

/// <summary>
/// Reads an activity from JSON and checks the fields the turn pipeline relies on. The reasons are
/// short and safe to return in a 400 body: they never echo the input.
/// </summary>
public static class ActivityParser
{
    /// <summary>Nesting beyond this is refused: no legitimate activity comes close, and deep input is an attack.</summary>
    public const int MaxJsonDepth = 64;

    public static ActivityParseResult Parse(ReadOnlySpan<byte> json)
    {
        Activity? activity;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxJsonDepth });
            activity = JsonSerializer.Deserialize(ref reader, BotJsonContext.Default.Activity);
        }
        catch (JsonException)
        {
            return new(null, "The body is not a valid activity JSON object.");
        }
        catch (InvalidOperationException)
        {
            return new(null, "The body is not a valid activity JSON object.");
        }

        if (activity is null)
        {
            return new(null, "The body is not a valid activity JSON object.");
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return new(null, "The activity has no type.");
        }

        if (activity.Type is ActivityTypes.Message or ActivityTypes.Invoke or ActivityTypes.ConversationUpdate)
        {
            if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
            {
                return new(null, "The activity has no conversation.id.");
            }

            if (string.IsNullOrWhiteSpace(activity.ServiceUrl))
            {
                return new(null, "The activity has no serviceUrl.");
            }

            if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
                || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
            {
                return new(null, "The activity's serviceUrl is not an http(s) URL.");
            }
        }

        return new(activity, null);
    }

    public static string Serialize(Activity activity) =>
        JsonSerializer.Serialize(activity, BotJsonContext.Default.Activity);
}
