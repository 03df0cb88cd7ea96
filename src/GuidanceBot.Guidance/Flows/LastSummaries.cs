using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.State;
using GuidanceBot.Cards.Model;
using GuidanceBot.Guidance.Flows.Melden;
using GuidanceBot.Guidance.Flows.Risicotaxatie;
using GuidanceBot.Guidance.Flows.Signaleren;

namespace GuidanceBot.Guidance.Flows;

/// <summary>A user's latest summary card, rebuilt from the stored outcome: which flow, when, and the card.</summary>
public sealed record SharedSummary(FlowInfo Flow, DateTimeOffset CompletedAt, AdaptiveCard Card);

/// <summary>
/// Keeps the user's <see cref="LastSummary"/> (user-scoped, so it is found from any chat) and rebuilds its
/// shareable summary card. Writing happens only in the message turn that ends a flow; reading (the message
/// extension's invoke) never writes.
/// </summary>
public sealed class LastSummaries(UserState<LastSummary> state, FlowCitations citations, TimeProvider time)
{
    /// <summary>The key prefix of the stored documents (<c>summary/{sha256 of channel and user}</c>).</summary>
    public const string KeyPrefix = "summary";

    /// <summary>Records the flow that ended in this turn as the user's latest summary (not for an activity without sender); the caller saves.</summary>
    public async Task RecordAsync(ITurnContext turnContext, CompletedFlowSummary completed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(completed);
        if (UserIds.Of(turnContext.Activity) is null)
        {
            return;
        }

        var document = await state.LoadAsync(turnContext, cancellationToken).ConfigureAwait(false);
        document.CompletedAt = time.GetUtcNow();
        document.Signaleren = completed.Signaleren;
        document.Risicotaxatie = completed.Risicotaxatie;
        document.Melden = completed.Melden;
    }

    /// <summary>Writes what <see cref="RecordAsync"/> changed in this turn (nothing when it was not called).</summary>
    public Task SaveChangesAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        state.SaveChangesAsync(turnContext, cancellationToken);

    /// <summary>Deletes the sender's latest summary now (not for an activity without sender).</summary>
    public Task ForgetAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return UserIds.Of(turnContext.Activity) is null ? Task.CompletedTask : state.DeleteAsync(turnContext, cancellationToken);
    }

    /// <summary>The sender's latest summary, or null when there is none (never made, expired, or of an older shape).</summary>
    public async Task<SharedSummary?> FindAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (UserIds.Of(turnContext.Activity) is null)
        {
            return null;
        }

        var document = await state.LoadAsync(turnContext, cancellationToken).ConfigureAwait(false);
        return Rebuild(document, citations);
    }

    /// <summary>The summary card for a stored outcome, as the flow sent it (without the signaleren note); null when there is none.</summary>
    public static SharedSummary? Rebuild(LastSummary document, FlowCitations citations)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(citations);
        if (document.IsEmpty() || document.CompletedAt is not { } completedAt)
        {
            return null;
        }

        if (document.Signaleren is { } signaleren && signaleren.SchemaVersion == SignalerenState.CurrentSchemaVersion)
        {
            return new(FlowCatalog.Signaleren, completedAt, SignalerenSummaryCard.Build(signaleren, null, citations.For(SignalerenSources.Summary)));
        }

        if (document.Risicotaxatie is { } risico && risico.SchemaVersion == RisicotaxatieState.CurrentSchemaVersion)
        {
            return new(FlowCatalog.Risicotaxatie, completedAt,
                RisicotaxatieSummaryCard.Build(risico, RiskAssessment.From(risico), citations.For(RisicotaxatieSources.Summary)));
        }

        if (document.Melden is { } melden && melden.SchemaVersion == MeldenState.CurrentSchemaVersion)
        {
            return new(FlowCatalog.Melden, completedAt,
                MeldenSummaryCard.Build(melden, MeldenDecision.From(melden.Afwegingen), citations.For(MeldenSources.Summary)));
        }

        return null;
    }
}
