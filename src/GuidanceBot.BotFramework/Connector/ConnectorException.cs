using System.Net;

namespace GuidanceBot.BotFramework.Connector;

/// <summary>A connector call that failed for good (after retries), or timed out.</summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException()
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectorException(HttpStatusCode? statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The last HTTP status, or null when no response came (timeout, connection refused).</summary>
    public HttpStatusCode? StatusCode { get; }
}
