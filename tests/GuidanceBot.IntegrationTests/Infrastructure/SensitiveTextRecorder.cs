using System.Collections.Concurrent;
using System.Text.Json;

namespace GuidanceBot.IntegrationTests.Infrastructure;

/// <summary>
/// Sits in front of the test host and remembers what a user typed (activity <c>text</c> and string values
/// in <c>value</c>), the Teams ids and names of the conversation, the sender, the tenant and the activity, and
/// every bearer token, so the factory can check none of it reached a log line. The bot's outbound tokens are
/// recorded by <see cref="OutboundTokenRecorder"/>.
/// </summary>
public sealed class SensitiveTextRecorder(ConcurrentBag<string> secrets) : DelegatingHandler
{
    /// <summary>
    /// Shorter strings are words the bot legitimately logs as names of things (a command, a route), not
    /// text a professional wrote about a child.
    /// </summary>
    private const int MinimumLength = 12;

    /// <summary>Shorter ids are the made-up ids of tests ("c", or a word the fuzz test puts anywhere), which any log line could contain; Teams ids are longer.</summary>
    private const int MinimumIdLength = 8;

    /// <summary>
    /// Keys of card-submit data the bot itself put on its buttons (ids, not user text); the bot may log
    /// them once it has checked them against its own ids.
    /// </summary>
    private static readonly HashSet<string> BotDataKeys = new(StringComparer.Ordinal) { "verb", "passageId", "command" };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization?.Parameter is { Length: > 0 } token)
        {
            secrets.Add(token);
        }

        if (request.Content is not null && request.RequestUri?.AbsolutePath == "/api/messages")
        {
            var body = await request.Content.ReadAsStringAsync(cancellationToken);
            Collect(body);
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private void Collect(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            if (document.RootElement.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
            {
                Add(text.GetString());
            }

            if (document.RootElement.TryGetProperty("value", out var value))
            {
                AddStrings(value);
            }

            // Logs may name a conversation or a sender only by a hash of its id (LogIds).
            AddId(document.RootElement, "id");
            AddId(document.RootElement, "replyToId");
            // A group chat's name can name a child; the tenant says which organisation the professional works for.
            foreach (var (account, field) in new[]
            {
                ("conversation", "id"), ("conversation", "name"), ("conversation", "tenantId"),
                ("from", "id"), ("from", "aadObjectId"), ("from", "name"),
            })
            {
                if (document.RootElement.TryGetProperty(account, out var owner) && owner.ValueKind == JsonValueKind.Object)
                {
                    AddId(owner, field);
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON, or JSON with broken surrogates: the whole body counts as user text.
            Add(body);
        }
    }

    private void AddStrings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                Add(element.GetString());
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject().Where(p => !BotDataKeys.Contains(p.Name)))
                {
                    AddStrings(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AddStrings(item);
                }

                break;
        }
    }

    private void AddId(JsonElement owner, string field)
    {
        if (owner.TryGetProperty(field, out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: >= MinimumIdLength } text)
        {
            secrets.Add(text);
        }
    }

    private void Add(string? text)
    {
        if (text is { Length: >= MinimumLength })
        {
            secrets.Add(text);
        }
    }
}
