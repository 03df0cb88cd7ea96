using Microsoft.Extensions.Logging;

namespace GuidanceBot.Knowledge.Tests;

/// <summary>The fixture corpus copied next to the test assembly.</summary>
internal static class FixturePaths
{
    public static string Knowledge => Path.Combine(AppContext.BaseDirectory, "Fixtures", "knowledge");

    public static string OffTopicQuestions => Path.Combine(AppContext.BaseDirectory, "Fixtures", "questions-offtopic.jsonl");
}

/// <summary>A fresh folder under the temp directory, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gb-knowledge-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string name, string content)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, content);
        return file;
    }

    public void CopyFrom(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>A logger that keeps the formatted messages.</summary>
internal sealed class ListLogger : ILogger
{
    public List<(LogLevel Level, string Message)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Entries)
        {
            Entries.Add((logLevel, formatter(state, exception)));
        }
    }
}
