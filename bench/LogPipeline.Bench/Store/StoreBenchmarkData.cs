namespace LogPipeline.Bench.Store;

/// <summary>Where the generated data lives: <c>LOGPIPELINE_BENCH_DATA</c> (default <c>/tmp/logpipeline-bench</c>).</summary>
internal static class StoreBenchmarkData
{
    public static string Directory =>
        Environment.GetEnvironmentVariable("LOGPIPELINE_BENCH_DATA") is { Length: > 0 } dir ? dir : "/tmp/logpipeline-bench";

    public static string StoreDirectory => Path.Combine(Directory, "store");

    public static string LogFile => Path.Combine(Directory, "access.log");
}
