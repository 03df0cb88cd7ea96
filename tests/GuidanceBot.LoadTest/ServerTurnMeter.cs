using GuidanceBot.Testing;

namespace GuidanceBot.LoadTest;

/// <summary>
/// Middleware for the in-process run: per request, the CPU time and the bytes allocated on the thread that
/// served it. One request at a time, a turn runs on one thread from start to end unless it really waits
/// (the stores complete synchronously); a request that changed threads is counted apart and not measured.
/// </summary>
internal sealed class ServerTurnMeter
{
    private readonly Lock _lock = new();
    private long _requests;
    private long _changedThreads;
    private double _cpuMilliseconds;
    private long _allocatedBytes;

    public void Attach(WebApplication app) => app.Use(async (context, next) =>
    {
        var thread = Environment.CurrentManagedThreadId;
        var cpu = ThreadCpuClock.NowMilliseconds();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        await next(context);
        lock (_lock)
        {
            if (Environment.CurrentManagedThreadId != thread)
            {
                _changedThreads++;
                return;
            }

            _requests++;
            _cpuMilliseconds += ThreadCpuClock.NowMilliseconds() - cpu;
            _allocatedBytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
        }
    });

    /// <summary>What was measured since the last call, and starts over.</summary>
    public (long Requests, long ChangedThreads, double CpuMicroseconds, double AllocatedKb) Take()
    {
        lock (_lock)
        {
            var result = _requests == 0
                ? (0, _changedThreads, double.NaN, double.NaN)
                : (_requests, _changedThreads, _cpuMilliseconds * 1000 / _requests, _allocatedBytes / 1024.0 / _requests);
            (_requests, _changedThreads, _cpuMilliseconds, _allocatedBytes) = (0, 0, 0, 0);
            return result;
        }
    }
}
