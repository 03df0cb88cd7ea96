using GuidanceBot.Knowledge;

namespace GuidanceBot.Guidance.Answers;

/// <summary>How passages are named in cards.</summary>
public static class PassageExtensions
{
    /// <summary>The passage's own heading, or the document title for a PDF page.</summary>
    public static string Title(this Passage passage) =>
        passage.HeadingPath.Count > 0 ? passage.HeadingPath[^1] : passage.DocumentTitle;
}
