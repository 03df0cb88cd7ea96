namespace GuidanceBot.BotFramework.Storage;

/// <summary>
/// The store could not be reached or did not answer in time (network, outage, throttling after retries).
/// Nothing was written by the failed call. The turn fails with a short apology and the channel is told
/// to try again later; the process keeps serving, and <c>/readyz</c> reports the outage.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when <paramref name="exception"/> or one of its inner exceptions is a <see cref="StorageUnavailableException"/>.</summary>
    public static bool IsCause(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is StorageUnavailableException)
            {
                return true;
            }

            if (current is AggregateException aggregate && aggregate.InnerExceptions.Any(IsCause))
            {
                return true;
            }
        }

        return false;
    }
}
