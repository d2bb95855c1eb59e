using System.Diagnostics;
using System.Globalization;

namespace LogPipeline.Shipper.Tests.Processes;

/// <summary>The load writer (tests/Shipper.Tools) as its own process: numbered lines at a steady rate.</summary>
internal sealed class LoadWriterProcess : IDisposable
{
    private readonly Process _process;

    private LoadWriterProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public static string BinaryPath => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Shipper.Tools", "bin",
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "shipper-tools"));

    public static LoadWriterProcess Start(string dir, int files, double rate, double seconds, bool reopen = false, string name = "access")
    {
        var info = new ProcessStartInfo(BinaryPath) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "write", "--dir", dir, "--files", files.ToString(CultureInfo.InvariantCulture),
                     "--rate", rate.ToString(CultureInfo.InvariantCulture), "--seconds", seconds.ToString(CultureInfo.InvariantCulture), "--name", name })
        {
            info.ArgumentList.Add(arg);
        }

        if (reopen)
        {
            info.ArgumentList.Add("--reopen");
        }

        return new LoadWriterProcess(Process.Start(info) ?? throw new InvalidOperationException("cannot start the load writer"));
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Waits for the end; returns the lines written per file.</summary>
    public async Task<int[]> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var output = await _process.StandardOutput.ReadToEndAsync(cts.Token);
        await _process.WaitForExitAsync(cts.Token);
        Assert.Equal(0, _process.ExitCode);
        return [.. output.Trim().Split(' ').Select(n => int.Parse(n, CultureInfo.InvariantCulture))];
    }

    /// <summary>Every line the writer wrote, in the test's line format.</summary>
    public static List<string> Expected(int[] counts) =>
        [.. counts.SelectMany((count, file) => Enumerable.Range(0, count).Select(seq => Scenario.Line(file, seq)))];

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
