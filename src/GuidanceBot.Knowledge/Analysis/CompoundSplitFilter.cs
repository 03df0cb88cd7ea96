using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace GuidanceBot.Knowledge.Analysis;

/// <summary>
/// Splits a Dutch compound into two words known from the corpus and emits them as extra tokens at
/// the same position ("loverboyproblematiek" → loverboyproblematiek, loverboy, problematiek;
/// "aandachtsfunctionaris" → …, aandacht, functionaris via the linking -s-). The split with the
/// most even parts wins; the original token is always kept.
/// </summary>
internal sealed class CompoundSplitFilter : TokenFilter
{
    /// <summary>The shortest part a compound is split into (shorter parts are mostly noise).</summary>
    public const int MinPartLength = 4;

    private readonly CharArraySet _words;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private readonly IKeywordAttribute _keyword;
    private readonly Queue<string> _pending = new();
    private State? _state;

    public CompoundSplitFilter(TokenStream input, CharArraySet words)
        : base(input)
    {
        _words = words;
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pending.Count > 0 && _state is not null)
        {
            RestoreState(_state);
            _term.SetEmpty().Append(_pending.Dequeue());
            _position.PositionIncrement = 0;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (!_keyword.IsKeyword && _term.Length >= 2 * MinPartLength)
        {
            Split();
            if (_pending.Count > 0)
            {
                _state = CaptureState();
            }
        }

        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pending.Clear();
        _state = null;
    }

    private void Split()
    {
        // Looks parts up in the term buffer itself: this runs for every long word of every passage.
        var buffer = _term.Buffer;
        var length = _term.Length;
        (int LeftLength, int RightStart)? best = null;
        for (var i = MinPartLength; i <= length - MinPartLength; i++)
        {
            if (!_words.Contains(buffer, i, length - i))
            {
                continue;
            }

            var leftLength = i;
            if (!_words.Contains(buffer, 0, leftLength))
            {
                // Dutch linking morphemes: aandacht-s-functionaris, pannenkoek-e-…; only -s- and -e- are common enough.
                if (leftLength > MinPartLength && buffer[leftLength - 1] is 's' or 'e' && _words.Contains(buffer, 0, leftLength - 1))
                {
                    leftLength--;
                }
                else
                {
                    continue;
                }
            }

            if (best is null || Math.Min(leftLength, length - i) > Math.Min(best.Value.LeftLength, length - best.Value.RightStart))
            {
                best = (leftLength, i);
            }
        }

        if (best is { } split)
        {
            _pending.Enqueue(new string(buffer, 0, split.LeftLength));
            _pending.Enqueue(new string(buffer, split.RightStart, length - split.RightStart));
        }
    }
}
