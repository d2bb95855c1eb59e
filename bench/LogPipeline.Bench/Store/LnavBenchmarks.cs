using BenchmarkDotNet.Attributes;

namespace LogPipeline.Bench.Store;

/// <summary>
/// lnav (Debian package lnav) answering (c) with its SQL over the raw log file. Each run indexes the whole file, which
/// takes minutes on ten million lines, so only three runs.
/// </summary>
[Config(typeof(LnavConfig))]
public class LnavBenchmarks
{
    [Benchmark(Description = "lnav SQL: top 10 c_ip for /wp-login.php (c)")]
    public string LnavTopAddresses() => RawLogScanBenchmarks.Run(
        "lnav", "-n", "-c",
        ";SELECT c_ip, count(*) AS n FROM access_log WHERE cs_uri_stem = '/wp-login.php' GROUP BY c_ip ORDER BY n DESC LIMIT 10",
        StoreBenchmarkData.LogFile);

    private sealed class LnavConfig() : PerRunConfig("lnav", 0, 3);
}
