using System.Globalization;

namespace LogPipeline.Bench.Ingest;

/// <summary>
/// A process's CPU time (user + system, all threads) from <c>/proc/PID/stat</c>, in clock ticks of 10 ms (Linux's
/// USER_HZ is 100 on every architecture .NET runs on). Read while the process is alive.
/// </summary>
internal static class ProcessCpu
{
    private const double TickSeconds = 0.01;

    public static TimeSpan Of(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");

        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var utime = long.Parse(fields[11], CultureInfo.InvariantCulture); // field 14
        var stime = long.Parse(fields[12], CultureInfo.InvariantCulture); // field 15
        return TimeSpan.FromSeconds((utime + stime) * TickSeconds);
    }

    /// <summary>The 1-minute load average, to print with every figure.</summary>
    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
