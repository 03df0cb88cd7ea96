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

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxJsonDepth };

    public static ActivityParseResult Parse(ReadOnlySpan<byte> json)
    {
        // RFC 8259 lets a parser ignore a byte order mark; Utf8JsonReader does not skip it itself.
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        Activity? activity;
        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            activity = JsonSerializer.Deserialize(ref reader, BotJsonContext.Default.Activity);
            // Deserializing stops at the end of the activity: past it the reader throws on anything but whitespace
            // ({…}xx, {…}{…}), and with AllowMultipleValues off it never finds a second value.
            _ = reader.Read();
            EnsureEscapesAreValidUtf16(json);
        }
        catch (JsonException ex) when (ex.Path is { Length: > 1 } path)
        {
            // A field of the wrong type: its path names only modelled properties and indexes (unknown fields are
            // kept as they are and cannot fail here), so it says where without echoing the input.
            return new(null, $"The body is not a valid activity JSON object (the value at {path} has the wrong type or form).");
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

        if (FirstListWithNull(activity) is { } list)
        {
            return new(null, $"The activity's {list} contains null.");
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

    /// <summary>
    /// Refuses escaped strings that are not valid UTF-16 (a lone <c>\ud800</c>) anywhere in the body. Deserializing
    /// notices them only in the strings it reads; the parts kept as <see cref="JsonElement"/> (card-submit values,
    /// unknown fields) are read later, in the middle of a turn or while the reply is written, where they would fail
    /// the turn instead of the request. Only a <c>\u</c> escape can spell a lone surrogate (the reader refuses
    /// invalid UTF-8), so a body without one — nearly every body — is not read a second time.
    /// </summary>
    /// <exception cref="InvalidOperationException">An escaped string is not valid UTF-16.</exception>
    private static void EnsureEscapesAreValidUtf16(ReadOnlySpan<byte> json)
    {
        if (json.IndexOf("\\u"u8) < 0)
        {
            return;
        }

        var reader = new Utf8JsonReader(json, ReaderOptions);
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
            {
                _ = reader.GetString();
            }
        }
    }

    /// <summary>The name of the first list of <paramref name="activity"/> with a null item, which no channel sends.</summary>
    private static string? FirstListWithNull(Activity activity) =>
        activity.Attachments?.Contains(null!) == true ? "attachments"
        : activity.Entities?.Contains(null!) == true ? "entities"
        : activity.MembersAdded?.Contains(null!) == true ? "membersAdded"
        : activity.MembersRemoved?.Contains(null!) == true ? "membersRemoved"
        : null;

    public static string Serialize(Activity activity) =>
        JsonSerializer.Serialize(activity, BotJsonContext.Default.Activity);
}
