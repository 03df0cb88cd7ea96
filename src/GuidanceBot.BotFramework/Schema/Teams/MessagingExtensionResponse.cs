using System.Text.Json;

namespace GuidanceBot.BotFramework.Schema.Teams;

/// <summary>The invoke response body of a message extension query: <c>{"composeExtension": {…}}</c>.</summary>
public sealed class MessagingExtensionResponse
{
    public MessagingExtensionResult? ComposeExtension { get; set; }

    /// <summary>A plain text shown in the search box instead of results (<c>type: message</c>).</summary>
    public static MessagingExtensionResponse Message(string text) => new()
    {
        ComposeExtension = new MessagingExtensionResult { Type = "message", Text = text },
    };

    public JsonElement ToJsonElement() =>
        JsonSerializer.SerializeToElement(this, BotJsonContext.Default.MessagingExtensionResponse);
}

/// <summary>A result list (<c>type: result</c>) or a plain message (<c>type: message</c>).</summary>
public sealed class MessagingExtensionResult
{
    public string Type { get; set; } = "result";

    public string? AttachmentLayout { get; set; }

    public IList<MessagingExtensionAttachment>? Attachments { get; set; }

    public string? Text { get; set; }
}

/// <summary>
/// One result: the card to insert (<see cref="Content"/>) and the preview Teams lists; an Adaptive Card
/// result needs a hero or thumbnail preview or nothing shows (PROTOCOL.md §4.7).
/// </summary>
public sealed class MessagingExtensionAttachment
{
    public string? ContentType { get; set; }

    public JsonElement? Content { get; set; }

    public ThumbnailPreview? Preview { get; set; }
}

/// <summary>A thumbnail-card preview of a result.</summary>
public sealed class ThumbnailPreview
{
    public const string ThumbnailContentType = "application/vnd.microsoft.card.thumbnail";

    public string ContentType { get; set; } = ThumbnailContentType;

    public ThumbnailContent? Content { get; set; }
}

/// <summary>Title and text of a thumbnail preview.</summary>
public sealed class ThumbnailContent
{
    public string? Title { get; set; }

    public string? Text { get; set; }
}
