using System.Globalization;

namespace LogPipeline.Bench.Ingest;

/// <summary>
/// The CPU time of this process's threads with a given name (the SQLite store names its two writer threads), read from
/// Linux's <c>/proc/self/task/*/stat</c> (user + system time, in clock ticks of 10 ms). Zero where /proc is missing.
/// Taken while the store is open: the threads end when it is disposed.
/// </summary>
internal static class WriterThreads
{
    private const double TicksPerSecond = 100;

    public static TimeSpan CpuOf(string name)
    {
        long ticks = 0;
        if (!Directory.Exists("/proc/self/task"))
        {
            return TimeSpan.Zero;
        }

        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).TrimEnd() != name)
                {
                    continue;
                }

                ticks += TicksIn(Path.Combine(task, "stat"));
            }
            catch (IOException)
            {
                // The thread ended while it was read: it is not one of the store's (they live as long as the store).
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>The CPU time of the calling thread (from /proc/thread-self).</summary>
    public static TimeSpan CpuOfThisThread() => TimeSpan.FromSeconds(TicksIn("/proc/thread-self/stat") / TicksPerSecond);

    private static long TicksIn(string statPath)
    {
        // Fields after "(comm) ": state is the 1st, utime the 12th, stime the 13th.
        var stat = File.ReadAllText(statPath);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}
