namespace GuidanceBot.Guidance.Flows;

/// <summary>
/// The card action verbs of the flows, in one place (STYLE.md §4). A prompt card's submit data carries
/// <see cref="Key"/> = <see cref="FlowAnswer"/>, the flow and step it belongs to, and (stamped by the
/// prompt) the prompt's nonce.
/// </summary>
public static class CardVerbs
{
    /// <summary>The data key holding the verb.</summary>
    public const string Key = "verb";

    /// <summary>The data key naming the flow a card belongs to (its command word).</summary>
    public const string FlowKey = "flow";

    /// <summary>The data key naming the step a card belongs to.</summary>
    public const string StepKey = "step";

    /// <summary>An answer to a flow's question (a button or a form).</summary>
    public const string FlowAnswer = "flow.answer";
}
