using GuidanceBot.Cards;
using GuidanceBot.Cards.Model;
using GuidanceBot.Guidance.Answers;
using GuidanceBot.Knowledge;

namespace GuidanceBot.Guidance.Flows;

/// <summary>One cited passage as a summary card shows it: where it comes from and one link to open.</summary>
public sealed record FlowSource(string PassageId, string DocumentTitle, string SectionPath, Uri? Url);

/// <summary>
/// Looks up the passages a summary card cites (by id, kept per flow in <c>&lt;Flow&gt;Sources</c>) and
/// builds the "Bronnen" block: one line per cited passage and one <c>Action.OpenUrl</c> per distinct page
/// (at most <see cref="MaxLinks"/>), nothing that needs the bot, so the card can be shared. Without a
/// knowledge index (a host that has not registered one) the block is left out rather than invented.
/// </summary>
public sealed class FlowCitations
{
    public const string SourcesHeading = "Bronnen";

    /// <summary>
    /// Link buttons per card. Why: Teams shows at most six actions in a set (maxActions 6 in the Teams host
    /// configs of the Adaptive Cards designer) and drops the rest without a sign; every passage is still
    /// listed as a line, so a source past the sixth is named, just not a button.
    /// </summary>
    public const int MaxLinks = 6;

    private readonly IPassageSearch? _search;

    public FlowCitations(IPassageSearch? search = null)
    {
        _search = search;
    }

    /// <summary>The cited passages that exist in the index, in the order given.</summary>
    public IReadOnlyList<FlowSource> For(IEnumerable<string> passageIds)
    {
        ArgumentNullException.ThrowIfNull(passageIds);
        if (_search is null)
        {
            return [];
        }

        var sources = new List<FlowSource>();
        foreach (var id in passageIds.Distinct(StringComparer.Ordinal))
        {
            if (_search.GetPassage(id) is not { } passage)
            {
                continue;
            }

            sources.Add(new FlowSource(passage.Id, passage.DocumentTitle, passage.SectionPath, passage.WebPages().FirstOrDefault()));
        }

        return sources;
    }

    /// <summary>The "Bronnen" block, or nothing when there are no sources.</summary>
    public static IReadOnlyList<CardElement> Block(IReadOnlyList<FlowSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0)
        {
            return [];
        }

        return
        [
            new Container
            {
                Separator = true,
                Spacing = "Medium",
                Items =
                [
                    Blocks.Subheading(SourcesHeading),
                    .. sources.Select(s => Blocks.Literal(
                        s.SectionPath.Length > 0 ? $"{s.DocumentTitle} › {s.SectionPath}" : s.DocumentTitle, subtle: true)),
                ],
            },
            new ActionSet
            {
                Actions = [.. sources.Where(s => s.Url is not null)
                    .DistinctBy(s => s.Url!.AbsoluteUri, StringComparer.OrdinalIgnoreCase)
                    .Take(MaxLinks)
                    .Select(s => new ActionOpenUrl
                    {
                        Title = Shorten(s.SectionPath.Length > 0 ? s.SectionPath : s.DocumentTitle),
                        Url = s.Url!,
                    })],
            },
        ];
    }

    private static string Shorten(string title) => title.Length <= 60 ? title : string.Concat(title.AsSpan(0, 57), "...");
}
