using System.Collections;

namespace GuidanceBot.Knowledge.Search;

/// <summary>
/// A hit's snippet, cut and highlighted the first time someone reads it. An answer card shows the snippet of
/// the best hit only (the others as a lead), so building all three up front was wasted work on every question.
/// </summary>
internal sealed class LazySnippet(Func<IReadOnlyList<HighlightSpan>> build) : IReadOnlyList<HighlightSpan>
{
    private readonly Lazy<IReadOnlyList<HighlightSpan>> _spans = new(build);

    public int Count => _spans.Value.Count;

    public HighlightSpan this[int index] => _spans.Value[index];

    public IEnumerator<HighlightSpan> GetEnumerator() => _spans.Value.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
