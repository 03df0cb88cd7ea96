namespace GuidanceBot.Cli;

/// <summary>Writes log lines to a <see cref="TextWriter"/> (stderr for the CLI verbs, so stdout stays clean).</summary>
internal sealed class TextWriterLoggerProvider(TextWriter writer) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new TextWriterLogger(writer, categoryName);

    public void Dispose()
    {
    }

    private sealed class TextWriterLogger(TextWriter writer, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            lock (writer)
            {
                writer.WriteLine($"{logLevel}: {category}: {formatter(state, exception)}");
            }
        }
    }
}
