using System.Diagnostics;
using BenchmarkDotNet.Attributes;

namespace LogPipeline.Bench.Store;

/// <summary>
/// The peers on the same events as one raw Apache log file (written by <see cref="StoreDataGenerator"/>): ripgrep
/// counting the lines of (a) and (b) (Debian package ripgrep); lnav is in <see cref="LnavBenchmarks"/>.
/// </summary>
[Config(typeof(ScanConfig))]
public class RawLogScanBenchmarks
{
    [Benchmark(Description = "ripgrep: rg -c xmlrpc (a)")]
    public string RipgrepTerm() => Run("rg", "-c", "xmlrpc", StoreBenchmarkData.LogFile);

    [Benchmark(Description = "ripgrep: rg -c '/wp-login.php[ ?][^\"]*\" 404 ' (b)")]
    public string RipgrepPathAndStatus() => Run("rg", "-c", "/wp-login\\.php[ ?][^\"]*\" 404 ", StoreBenchmarkData.LogFile);

    internal static string Run(string tool, params string[] args)
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

    private sealed class ScanConfig() : PerRunConfig("scan", 1, 10);
}
