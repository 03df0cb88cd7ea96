namespace GuidanceBot.BotFramework.Dialogs;

/// <summary>How a flow ended; the result every <see cref="FlowDialog{TState}"/> ends with.</summary>
public sealed record FlowResult(string FlowId, FlowEndReason Reason)
{
    /// <summary>The flow the user may want next (a dialog id), if the flow suggests one.</summary>
    public string? SuggestedNextFlowId { get; init; }
}

/// <summary>Why a flow ended.</summary>
public enum FlowEndReason
{
    /// <summary>All steps ran; the summary was sent.</summary>
    Completed,

    /// <summary>The flow stopped early on purpose (e.g. acute danger: call 112 now).</summary>
    EndedEarly,

    /// <summary>A prompt was answered wrongly too often; the flow stopped and its answers were dropped.</summary>
    RetryLimitReached,
}
