namespace GuidanceBot.Knowledge.Search;

/// <summary>
/// How often, and how closely, a second word follows a first one in a field: the phrase frequency of a
/// two-word sloppy phrase, computed as Lucene's <c>SloppyPhraseScorer</c> does for two different terms.
/// Every match within <c>slop</c> moves counts <c>1 / (moves + 1)</c>, so an exact "a b" counts 1 and
/// "a x b" or "b a" count 1/3.
/// </summary>
internal static class SloppyPhrase
{
    /// <summary>
    /// The frequency for the positions of the two words in one document (both in increasing order, both
    /// non-empty); 0 when they never come within <paramref name="slop"/>.
    /// </summary>
    /// <remarks>
    /// Lucene walks both position lists with a two-entry queue of "phrase positions" (a term's position
    /// minus its place in the phrase, so an exact phrase has equal phrase positions) and always moves the
    /// lesser one, keeping the shortest match length seen since the last switch. This is that walk with the
    /// queue written out: the lesser entry is the one being moved, <c>next</c> is the other's position.
    /// It finds the same matches Lucene does, including the ones it misses on purpose (see its remarks).
    /// </remarks>
    public static float Frequency(ReadOnlySpan<int> first, ReadOnlySpan<int> second, int slop)
    {
        var firstIndex = 0;
        var secondIndex = 0;
        var firstPosition = first[0];
        var secondPosition = second[0] - 1;
        var end = Math.Max(firstPosition, secondPosition);

        // On equal phrase positions the first word is the lesser (lower place in the phrase).
        var movingFirst = firstPosition <= secondPosition;
        var matchLength = end - (movingFirst ? firstPosition : secondPosition);
        var next = movingFirst ? secondPosition : firstPosition;
        var frequency = 0.0f;
        while (true)
        {
            int position;
            if (movingFirst)
            {
                if (++firstIndex >= first.Length)
                {
                    break;
                }

                position = firstPosition = first[firstIndex];
            }
            else
            {
                if (++secondIndex >= second.Length)
                {
                    break;
                }

                position = secondPosition = second[secondIndex] - 1;
            }

            end = Math.Max(end, position);
            if (position > next)
            {
                // Done shortening the current match: count it, then move the other word.
                if (matchLength <= slop)
                {
                    frequency += SlopFactor(matchLength);
                }

                movingFirst = !movingFirst;
                next = position;
                matchLength = end - (movingFirst ? firstPosition : secondPosition);
            }
            else
            {
                matchLength = Math.Min(matchLength, end - position);
            }
        }

        if (matchLength <= slop)
        {
            frequency += SlopFactor(matchLength);
        }

        return frequency;
    }

    /// <summary>BM25's sloppy frequency of one match, <c>1 / (distance + 1)</c>.</summary>
    private static float SlopFactor(int distance) => 1.0f / (distance + 1);
}
