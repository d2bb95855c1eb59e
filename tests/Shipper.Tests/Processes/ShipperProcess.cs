using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LogPipeline.Shipper.Tests.Processes;

/// <summary>The real shipper binary (the apphost copied next to the tests), started with a generated config.</summary>
internal sealed partial class ShipperProcess : IDisposable
{
    private readonly Process _process;
    private bool _disposed;

    private ShipperProcess(Process process, string stderrPath)
    {
        _process = process;
        StderrPath = stderrPath;
    }

    public string StderrPath { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// The shipper's own build output (its deps differ from the test's, which carries ASP.NET for the receiver), or
    /// <c>SHIPPER_BINARY</c> (e.g. the Native AOT binary).
    /// </summary>
    public static string BinaryPath => Environment.GetEnvironmentVariable("SHIPPER_BINARY") is { Length: > 0 } binary
        ? binary
        : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "shipper", "bin",
            new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "shipper"));

    public static ShipperProcess Start(string configPath, string workDir, params string[] extraArgs)
    {
        var stderrPath = Path.Combine(workDir, $"shipper-{Guid.NewGuid():N}.err");
        var info = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardOutput = false,
            RedirectStandardError = false,
        };
        // exec keeps the pid: signals go to the shipper itself; stderr goes to a file the test can read.
        info.ArgumentList.Add("-c");
        // As root (CI), the shipper runs as nobody: it must work unprivileged, and permission tests need it.
        var drop = Environment.IsPrivilegedProcess ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
        info.ArgumentList.Add($"exec {drop}\"{BinaryPath}\" run --config \"{configPath}\" {string.Join(' ', extraArgs)} 2>>\"{stderrPath}\" >/dev/null");
        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start the shipper");
        return new ShipperProcess(process, stderrPath);
    }

    public string Stderr() => File.Exists(StderrPath) ? File.ReadAllText(StderrPath) : "";

    /// <summary>SIGKILL: no chance to flush or checkpoint.</summary>
    public void Kill9()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, then waits for the exit code.</summary>
    public int Terminate(TimeSpan timeout)
    {
        _ = SendSignal(_process.Id, 15);
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill();
            throw new TimeoutException($"shipper did not stop within {timeout.TotalSeconds} s of SIGTERM:\n{Stderr()}");
        }

        return _process.ExitCode;
    }

    /// <summary>Waits for the shipper to exit by itself and returns its exit code.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill();
            throw new TimeoutException($"shipper did not exit by itself within {timeout.TotalSeconds} s:\n{Stderr()}");
        }

        return _process.ExitCode;
    }

    /// <summary>User plus system CPU time consumed so far.</summary>
    public TimeSpan CpuTime()
    {
        var fields = File.ReadAllText($"/proc/{_process.Id}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>Resident set size in bytes, from /proc.</summary>
    public long RssBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
            }
        }

        return 0;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
