using LogPipeline.Store.Sqlite;

namespace LogPipeline.Bench.Store;

/// <summary>
/// Where the generated data lives (<c>LOGPIPELINE_BENCH_DATA</c>, default <c>/tmp/logpipeline-bench</c>) and which days
/// it covers: from the first day file to the end of the last, so that a store holding fewer days than generated
/// (a run stopped early) is still measured over the days it has.
/// </summary>
internal static class StoreBenchmarkData
{
    public static string Directory =>
        Environment.GetEnvironmentVariable("LOGPIPELINE_BENCH_DATA") is { Length: > 0 } dir ? dir : "/tmp/logpipeline-bench";

    public static string StoreDirectory => Path.Combine(Directory, "store");

    public static string LogFile => Path.Combine(Directory, "access.log");

    public static DateTimeOffset Start => new(DayFiles.List(StoreDirectory)[^1].ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static DateTimeOffset End => new(DayFiles.List(StoreDirectory)[0].AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
