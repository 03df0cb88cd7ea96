using System.Runtime.InteropServices;

namespace GuidanceBot.Testing;

/// <summary>
/// CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): what one query or turn costs
/// without the time the thread waited for a core, which a wall clock on a shared machine includes.
/// </summary>
public static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsAvailable { get; } = OperatingSystem.IsLinux();

    public static double NowMilliseconds()
    {
        if (!IsAvailable || ClockGetTime(ClockThreadCpuTimeId, out var time) != 0)
        {
            return double.NaN;
        }

        return (time.Seconds * 1000.0) + (time.Nanoseconds / 1_000_000.0);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
