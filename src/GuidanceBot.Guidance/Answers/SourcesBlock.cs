using System.Globalization;
using System.Runtime.CompilerServices;
using GuidanceBot.Cards;
using GuidanceBot.Cards.Model;
using GuidanceBot.Knowledge;

namespace GuidanceBot.Guidance.Answers;

/// <summary>
/// The "Bronnen" block every answer and summary card ends with: per passage the handreiking, section,
/// page and check date, and a link per source that opens in the browser (works in any chat).
/// </summary>
public static class SourcesBlock
{
    private const int MaxLinks = 4;

    /// <summary>
    /// Each passage's description and web links, made the first time it is cited. Why: the same few passages
    /// are cited again and again, and formatting the line and parsing its URLs was a sixth of building an
    /// answer card. Only knowledge text is kept (never anything a user typed), and an entry goes with its
    /// passage when a new index snapshot replaces the old one (the table holds its keys weakly).
    /// </summary>
    private static readonly ConditionalWeakTable<Passage, SourceLine> Lines = [];

    public static Container Build(IEnumerable<Passage> passages)
    {
        var items = new List<CardElement> { Blocks.Subheading(AnswerTexts.Sources) };
        var links = new List<CardAction>(MaxLinks);
        var seenUrls = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var passage in passages.DistinctBy(p => p.Id))
        {
            var line = Lines.GetValue(passage, SourceLine.Of);
            items.Add(Blocks.Literal(line.Description, subtle: true));
            foreach (var link in line.WebLinks)
            {
                if (links.Count < MaxLinks && seenUrls.Add(link.Url))
                {
                    links.Add(new ActionOpenUrl { Title = link.Title, Tooltip = link.Tooltip, Url = link.Uri });
                }
            }
        }

        if (links.Count > 0)
        {
            items.Add(new ActionSet { Actions = links });
        }

        return new Container { Items = items, Separator = true, Spacing = "Medium" };
    }

    /// <summary>"Document › Section, pagina 3 (gecontroleerd op 28-11-2026)".</summary>
    public static string Describe(Passage passage)
    {
        var where = passage.SectionPath.Length > 0 ? $"{passage.DocumentTitle} › {passage.SectionPath}" : passage.DocumentTitle;
        var page = passage.Page is { } p ? $", {AnswerTexts.Page} {p}" : string.Empty;
        var date = passage.Checked is { } d
            ? $" ({AnswerTexts.CheckedOn} {d.ToString("d-M-yyyy", CultureInfo.InvariantCulture)})"
            : string.Empty;
        return where + page + date;
    }

    private static string Host(Uri uri) => uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;

    /// <summary>A link button's parts: the URL as written in the passage (compared case-insensitively), and what the button shows.</summary>
    private sealed record WebLink(string Url, Uri Uri, string Title, string Tooltip);

    /// <summary>What one passage adds to the block: its description and its http(s) sources, in order.</summary>
    private sealed record SourceLine(string Description, WebLink[] WebLinks)
    {
        public static SourceLine Of(Passage passage) => new(
            Describe(passage),
            [.. passage.WebPages().Select(uri => new WebLink(uri.OriginalString, uri, Host(uri), $"{AnswerTexts.OpenSource}: {uri}"))]);
    }
}
