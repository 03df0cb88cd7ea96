namespace GuidanceBot.BotFramework.State;

/// <summary>What <see cref="BotState{TState}.LoadAsync"/> found in storage.</summary>
public enum StateLoadStatus
{
    /// <summary>Nothing stored (or it had expired): a new document.</summary>
    New,

    /// <summary>A document of the current schema version.</summary>
    Loaded,

    /// <summary>A document of another schema version or shape: discarded, a new document took its place.</summary>
    Incompatible,
}
