using System.Diagnostics;

namespace GuidanceBot.LoadTest;

/// <summary>A server started as its own process, so its CPU time and memory are its own.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private long _peakWorkingSet;
    private readonly Timer _sampler;
    private readonly TextWriter _log;

    private ServerProcess(Process process, TextWriter log)
    {
        _process = process;
        _log = log;
        // The working set is sampled (not only read at the end) to report the peak during the run.
        _sampler = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
    }

    public DateTime StartedAt { get; private set; }

    /// <summary>Starts the server; its console output goes to <paramref name="logFile"/> (kept for when a run reports failures).</summary>
    public static ServerProcess Start(string fileName, IEnumerable<string> arguments, IDictionary<string, string> environment, string logFile)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var startedAt = DateTime.UtcNow;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logFile))!);
        var log = TextWriter.Synchronized(new StreamWriter(logFile) { AutoFlush = true });
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process, log) { StartedAt = startedAt };
    }

    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public long WorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    public long PeakWorkingSet => Math.Max(Interlocked.Read(ref _peakWorkingSet), WorkingSet);

    public void ResetPeak() => Interlocked.Exchange(ref _peakWorkingSet, 0);

    public void Dispose()
    {
        _sampler.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        _log.Dispose();
    }

    private static void Write(TextWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        try
        {
            log.WriteLine(line);
        }
        catch (ObjectDisposedException)
        {
            // A last line read after the server was stopped and its log closed.
        }
    }

    private void Sample()
    {
        try
        {
            var current = WorkingSet;
            long seen;
            do
            {
                seen = Interlocked.Read(ref _peakWorkingSet);
            }
            while (current > seen && Interlocked.CompareExchange(ref _peakWorkingSet, current, seen) != seen);
        }
        catch (InvalidOperationException)
        {
            // The process ended; the last sample stands.
        }
    }
}
