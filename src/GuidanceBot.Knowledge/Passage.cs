namespace GuidanceBot.Knowledge;

/// <summary>
/// One searchable piece of a knowledge document: a Markdown section (heading path + text) or a
/// PDF page (or part of a long page). Everything the bot shows comes from a passage and is cited.
/// </summary>
/// <param name="Id">
/// Stable and deterministic: <c>{documentId}#{slug of heading path}</c>, or for a PDF
/// <c>{fileId}#p{page}</c> (<c>#p{page}-{n}</c> when a long page is split).
/// </param>
/// <param name="DocumentId">The document's <c>id</c> from its front matter, or the file name.</param>
/// <param name="DocumentTitle">The document title.</param>
/// <param name="HeadingPath">The <c>##</c> and <c>###</c> headings above the text; empty for a PDF page.</param>
/// <param name="Text">Plain, readable passage text (bullets and table rows kept as lines, no Bron line).</param>
/// <param name="SourceUrls">The URLs of the passage's Bron line (or the PDF's source).</param>
/// <param name="Page">The 1-based PDF page; null for Markdown.</param>
/// <param name="Checked">The date the document was last checked against its sources.</param>
public sealed record Passage(
    string Id,
    string DocumentId,
    string DocumentTitle,
    IReadOnlyList<string> HeadingPath,
    string Text,
    IReadOnlyList<string> SourceUrls,
    int? Page,
    DateOnly? Checked)
{
    /// <summary>The heading path joined with " › " (empty for a PDF page).</summary>
    public string SectionPath => string.Join(" › ", HeadingPath);

    /// <summary>One citation per source URL, or a single citation without URL when there is none.</summary>
    public IReadOnlyList<Citation> Citations =>
        SourceUrls.Count == 0
            ? [new Citation(DocumentTitle, SectionPath, Page, null, Checked)]
            : [.. SourceUrls.Select(url => new Citation(DocumentTitle, SectionPath, Page, url, Checked))];
}
