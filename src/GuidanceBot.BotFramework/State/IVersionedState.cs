namespace GuidanceBot.BotFramework.State;

/// <summary>
/// A stored state document that says which shape it was written in. Persistent Teams chats outlive
/// deployments (botbuilder-dotnet #3998): a reader that finds another <see cref="SchemaVersion"/>
/// than <see cref="CurrentSchemaVersion"/> must not guess, it starts over and says so.
/// </summary>
public interface IVersionedState
{
    /// <summary>The version this build writes; raise it whenever a stored member changes meaning or shape.</summary>
    static abstract int CurrentSchemaVersion { get; }

    /// <summary>The version the document was written with.</summary>
    int SchemaVersion { get; set; }
}

/// <summary>A top-level state document (conversation or user state) held under one storage key.</summary>
public interface IBotStateDocument : IVersionedState
{
    /// <summary>True when there is nothing worth keeping: the stored item is then deleted instead of written.</summary>
    bool IsEmpty();
}
