using GuidanceBot.Knowledge;

namespace GuidanceBot.Guidance.Answers;

/// <summary>How passages are named in cards.</summary>
public static class PassageExtensions
{
    /// <summary>The passage's own heading, or the document title for a PDF page.</summary>
    public static string Title(this Passage passage) =>
        passage.HeadingPath.Count > 0 ? passage.HeadingPath[^1] : passage.DocumentTitle;

    /// <summary>
    /// The passage's sources that are web pages (http or https), in order: what a card's link button may open.
    /// <see cref="Uri.OriginalString"/> keeps the URL as the passage wrote it.
    /// </summary>
    public static IEnumerable<Uri> WebPages(this Passage passage) =>
        passage.SourceUrls
            .Select(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null)
            .OfType<Uri>();
}
