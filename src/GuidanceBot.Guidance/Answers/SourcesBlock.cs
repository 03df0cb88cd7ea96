using System.Globalization;
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

    public static Container Build(IEnumerable<Passage> passages)
    {
        var items = new List<CardElement> { Blocks.Subheading(AnswerTexts.Sources) };
        var urls = new List<string>();
        foreach (var passage in passages.DistinctBy(p => p.Id))
        {
            items.Add(Blocks.Literal(Describe(passage), subtle: true));
            urls.AddRange(passage.SourceUrls);
        }

        var links = urls
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null)
            .OfType<Uri>()
            .Take(MaxLinks)
            .Select(uri => (CardAction)new ActionOpenUrl { Title = Host(uri), Tooltip = $"{AnswerTexts.OpenSource}: {uri}", Url = uri })
            .ToList();
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
}
