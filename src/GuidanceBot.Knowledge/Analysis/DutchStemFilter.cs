using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace GuidanceBot.Knowledge.Analysis;

/// <summary>
/// Replaces each term by its stem from <see cref="DutchStems"/>: the same as Lucene's <c>StemmerOverrideFilter</c>
/// followed by a Snowball Dutch <c>SnowballFilter</c>, with the corpus's words looked up instead of stemmed again.
/// Keyword terms are left as they are, as those filters do.
/// </summary>
internal sealed class DutchStemFilter : TokenFilter
{
    private readonly DutchStems _stems;
    private readonly DutchStemmer _snowball = new();
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    public DutchStemFilter(TokenStream input, DutchStems stems)
        : base(input)
    {
        _stems = stems;
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (!_keyword.IsKeyword)
        {
            var stem = _stems.Stem(_term.Buffer.AsSpan(0, _term.Length), _snowball);
            _term.SetEmpty().Append(stem);
        }

        return true;
    }
}
