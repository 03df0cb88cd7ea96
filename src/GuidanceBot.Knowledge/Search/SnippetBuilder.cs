namespace GuidanceBot.Knowledge.Search;

/// <summary>
/// Cuts a passage to a readable snippet at sentence boundaries (about <see cref="TargetLength"/>
/// characters, around the most matches) and marks the words whose analyzed form matches a query term.
/// </summary>
internal static class SnippetBuilder
{
    public const int TargetLength = 600;

    public static IReadOnlyList<HighlightSpan> Build(PassageAnalysis analysis, string text, IReadOnlySet<string> queryTerms)
    {
        var matches = Matches(analysis, queryTerms);
        var (start, end) = Window(text, analysis.SentenceBoundaries, matches);
        var spans = new List<HighlightSpan>();
        var position = start;
        foreach (var (matchStart, matchEnd) in matches.Where(m => m.Start >= start && m.End <= end))
        {
            if (matchStart < position)
            {
                continue;
            }

            if (matchStart > position)
            {
                spans.Add(new HighlightSpan(text[position..matchStart], false));
            }

            spans.Add(new HighlightSpan(text[matchStart..matchEnd], true));
            position = matchEnd;
        }

        if (position < end)
        {
            spans.Add(new HighlightSpan(text[position..end], false));
        }

        return spans;
    }

    private static List<(int Start, int End)> Matches(PassageAnalysis analysis, IReadOnlySet<string> queryTerms)
    {
        var matches = new List<(int Start, int End)>();
        if (queryTerms.Count == 0)
        {
            return matches;
        }

        foreach (var token in analysis.BodyTokens)
        {
            if (queryTerms.Contains(token.Term) && (matches.Count == 0 || matches[^1].Start != token.Start))
            {
                matches.Add((token.Start, token.End));
            }
        }

        return matches;
    }

    /// <summary>The run of whole sentences of at most the target length that holds the most matches.</summary>
    private static (int Start, int End) Window(string text, IReadOnlyList<int> boundaries, List<(int Start, int End)> matches)
    {
        if (text.Length <= TargetLength)
        {
            return (0, text.Length);
        }

        var best = (Start: 0, End: 0, Count: -1);
        for (var i = 0; i + 1 < boundaries.Count; i++)
        {
            var j = i + 1;
            while (j + 1 < boundaries.Count && boundaries[j + 1] - boundaries[i] <= TargetLength)
            {
                j++;
            }

            var start = boundaries[i];
            var end = boundaries[j];
            if (end - start > TargetLength)
            {
                // One sentence longer than the target: cut it at the last space before the limit.
                var space = text.LastIndexOf(' ', start + TargetLength, TargetLength);
                end = space > start ? space : start + TargetLength;
            }

            var count = matches.Count(m => m.Start >= start && m.End <= end);
            if (count > best.Count)
            {
                best = (start, end, count);
            }
        }

        return (best.Start, TrimEnd(text, best.Start, best.End));
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }
}
