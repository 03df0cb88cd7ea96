using System.Text.Json;
using System.Text.Json.Serialization;

namespace GuidanceBot.BotFramework.Schema.Teams;

/// <summary>The value of a <c>composeExtension/query</c> invoke (PROTOCOL.md §4.7).</summary>
public sealed class MessagingExtensionQuery
{
    /// <summary>The invoke name of a search-based message extension query.</summary>
    public const string InvokeName = "composeExtension/query";

    /// <summary>Parameter Teams sends on the first query when the command has <c>initialRun: true</c>.</summary>
    public const string InitialRunParameter = "initialRun";

    public string? CommandId { get; set; }

    public IList<MessagingExtensionParameter>? Parameters { get; set; }

    public MessagingExtensionQueryOptions? QueryOptions { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The string value of the named parameter, or null.</summary>
    public string? ParameterValue(string name) =>
        Parameters?.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal))?.Value is
        { ValueKind: JsonValueKind.String } value
            ? value.GetString()
            : null;

    /// <summary>Reads the query from an invoke activity; null when the value is missing or of another shape.</summary>
    public static MessagingExtensionQuery? From(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        try
        {
            var query = value.Deserialize(BotJsonContext.Default.MessagingExtensionQuery);
            // A null parameter is of no known shape either (Teams never sends one).
            return query?.Parameters?.Contains(null!) == true ? null : query;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The answer to a query that <see cref="From"/> could not read: 400 with a short reason that does not echo the input.</summary>
    public static InvokeResponse Malformed { get; } = new(400, JsonDocument.Parse(
        """{"error":"The composeExtension/query value is not a valid query."}""").RootElement.Clone());
}

/// <summary>One named parameter of a query; Teams sends strings, but the type is not trusted.</summary>
public sealed class MessagingExtensionParameter
{
    public string? Name { get; set; }

    public JsonElement? Value { get; set; }
}

/// <summary>Paging of a query.</summary>
public sealed class MessagingExtensionQueryOptions
{
    public int? Skip { get; set; }

    public int? Count { get; set; }
}
