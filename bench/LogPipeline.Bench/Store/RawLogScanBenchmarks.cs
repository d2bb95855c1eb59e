using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace LogPipeline.Bench.Store;

/// <summary>
/// The peers on the same events as one raw Apache log file (written by <see cref="StoreDataGenerator"/>): ripgrep
/// counting the lines of (a) and (b), and lnav answering (c) with its SQL. Debian packages ripgrep and lnav.
/// </summary>
[Config(typeof(ScanConfig))]
public class RawLogScanBenchmarks
{
    [Benchmark(Description = "ripgrep: rg -c xmlrpc (a)")]
    public string RipgrepTerm() => Run("rg", "-c", "xmlrpc", StoreBenchmarkData.LogFile);

    [Benchmark(Description = "ripgrep: rg -c '/wp-login.php[ ?][^\"]*\" 404 ' (b)")]
    public string RipgrepPathAndStatus() => Run("rg", "-c", "/wp-login\\.php[ ?][^\"]*\" 404 ", StoreBenchmarkData.LogFile);

    [Benchmark(Description = "lnav SQL: top 10 c_ip for /wp-login.php (c)")]
    public string LnavTopAddresses() => Run(
        "lnav", "-n", "-c",
        ";SELECT c_ip, count(*) AS n FROM access_log WHERE cs_uri_stem = '/wp-login.php' GROUP BY c_ip ORDER BY n DESC LIMIT 10",
        StoreBenchmarkData.LogFile);

    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start: apt-get install ripgrep lnav");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {process.StandardError.ReadToEnd()}");
    }

    private sealed class ScanConfig : ManualConfig
    {
        public ScanConfig()
        {
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithInvocationCount(1).WithUnrollFactor(1).WithWarmupCount(1).WithIterationCount(5).WithId("scan"));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        }
    }
}
