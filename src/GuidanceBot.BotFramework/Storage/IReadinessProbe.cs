namespace GuidanceBot.BotFramework.Storage;

/// <summary>
/// A store with a readiness check of its own, cheaper or more telling than reading a key that does not exist
/// (<see cref="StorageHealthCheck"/> falls back to that read for other stores).
/// </summary>
public interface IReadinessProbe
{
    /// <summary>Returns when the store could serve a turn now; throws (e.g. <see cref="StorageUnavailableException"/>) when not.</summary>
    Task ProbeAsync(CancellationToken cancellationToken);
}
