using System.Diagnostics;

namespace LogPipeline.Ingest.Tests.RealClients;

/// <summary>Runs an external program to completion (bounded by a timeout) and returns its exit code and output.</summary>
internal static class Tool
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The repository root (where LogPipeline.sln is).</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LogPipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LogPipeline.sln not found");
    }

    /// <summary>Fails with what to install when a program the test needs is missing.</summary>
    public static string Require(string path, string package) =>
        File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: install the Debian package '{package}' (.ci/run does)");
}
