using GuidanceBot.BotFramework.Dialogs.Prompts;

namespace GuidanceBot.Guidance.Flows;

/// <summary>The ja / nee / weet ik niet choice, shared by the flows.</summary>
internal static class AnswerChoices
{
    public const string Yes = "ja";
    public const string No = "nee";
    public const string DontKnow = "weetniet";

    public static IReadOnlyList<CardChoice> YesNoDontKnow { get; } =
        [new(FlowTexts.Yes, Yes), new(FlowTexts.No, No), new(FlowTexts.DontKnow, DontKnow)];

    public static Answer ToAnswer(FoundChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return choice.Value switch
        {
            Yes => Answer.Ja,
            No => Answer.Nee,
            _ => Answer.WeetNiet,
        };
    }

    /// <summary>True for typed words that mean "nothing to add".</summary>
    public static bool IsNo(string? text) =>
        text?.Trim().TrimEnd('.', '!').ToLowerInvariant() is "nee" or "n" or "geen" or "niets" or "nvt" or "-";

    public static string Label(Answer? answer) => answer switch
    {
        Answer.Ja => FlowTexts.Yes,
        Answer.Nee => FlowTexts.No,
        Answer.WeetNiet => FlowTexts.DontKnow,
        _ => "-",
    };
}
