using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GuidanceBot.Testing;

/// <summary>
/// Keeps every formatted log line (with its exception text) and every scope opened, so tests can scan what
/// was logged.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    /// <summary>Each scope's text and values: a provider that writes scopes (console with IncludeScopes, App Insights) ships them too.</summary>
    public ConcurrentQueue<string> Scopes { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, Lines, Scopes);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> lines, ConcurrentQueue<string> scopes) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            scopes.Enqueue($"{category} {state} {Structured(state)}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lines.Enqueue($"{logLevel} {category}[{eventId.Id}] {formatter(state, exception)} {Structured(state)} {exception}");
        }

        private static string Structured<TState>(TState state) =>
            state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
    }
}
