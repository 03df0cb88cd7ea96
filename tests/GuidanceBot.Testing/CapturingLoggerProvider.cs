using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GuidanceBot.Testing;

/// <summary>
/// Keeps every formatted log line with its structured values, its exception text and the scopes it was
/// written in, and every scope opened, so tests can scan everything a log provider could have written.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    // The scopes open on this async flow, innermost first (as ILogger scopes flow with the ExecutionContext).
    private readonly AsyncLocal<Scope?> _open = new();

    public ConcurrentQueue<string> Lines { get; } = new();

    /// <summary>Each scope's text and values: a provider that writes scopes (console with IncludeScopes, App Insights) ships them too.</summary>
    public ConcurrentQueue<string> Scopes { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, this);

    public void Dispose()
    {
    }

    private static string Structured(object? state) => state is IEnumerable<KeyValuePair<string, object?>> pairs
        ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
        : string.Empty;

    private sealed record Scope(string Text, Scope? Outer);

    private sealed class ScopeHandle(CapturingLoggerProvider provider, Scope? outer) : IDisposable
    {
        public void Dispose() => provider._open.Value = outer;
    }

    private sealed class CapturingLogger(string category, CapturingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            var text = $"{state} {Structured(state)}";
            provider.Scopes.Enqueue($"{category} {text}");
            var outer = provider._open.Value;
            provider._open.Value = new Scope(text, outer);
            return new ScopeHandle(provider, outer);
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            for (var scope = provider._open.Value; scope is not null; scope = scope.Outer)
            {
                scopes.Add(scope.Text);
            }

            var scopeText = scopes.Count == 0 ? string.Empty : " scopes: " + string.Join(" => ", scopes);
            provider.Lines.Enqueue($"{logLevel} {category}[{eventId.Id}] {formatter(state, exception)} {Structured(state)} {exception}{scopeText}");
        }
    }
}
