namespace GuidanceBot.Knowledge;

/// <summary>Where a passage comes from: document, section, page and source link.</summary>
/// <param name="DocumentTitle">The document title.</param>
/// <param name="SectionPath">The headings joined with " › " (empty for a PDF page).</param>
/// <param name="Page">The 1-based PDF page, or null.</param>
/// <param name="SourceUrl">The public source, or null when the document names none.</param>
/// <param name="Checked">The date the document was last checked, or null.</param>
public sealed record Citation(string DocumentTitle, string SectionPath, int? Page, string? SourceUrl, DateOnly? Checked);
