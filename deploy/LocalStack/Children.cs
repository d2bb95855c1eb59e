using System.Diagnostics;
using System.Globalization;

namespace LogPipeline.LocalStack;

/// <summary>The started services: their output is prefixed with their name; stopped in reverse order of start.</summary>
internal sealed class Children : IAsyncDisposable
{
    private readonly List<(string Name, Process Process)> _started = [];

    public void Start(string name, string dll, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Print(name, e.Data);
        process.ErrorDataReceived += (_, e) => Print(name, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _started.Add((name, process));
    }

    /// <summary>Polls each URL's /healthz until it answers (or a service exits, or 60 s pass).</summary>
    public async Task<bool> WaitHealthyAsync(IEnumerable<string> urls, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        foreach (var url in urls)
        {
            while (true)
            {
                if (_started.FirstOrDefault(s => s.Process.HasExited) is { Name: not null } dead)
                {
                    await Console.Error.WriteLineAsync($"localstack: {dead.Name} exited with code {dead.Process.ExitCode}; see its output above");
                    return false;
                }

                try
                {
                    using var response = await http.GetAsync(url + "/healthz", deadline.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (OperationCanceledException)
                {
                    await Console.Error.WriteLineAsync($"localstack: {url} did not become healthy within 60 s");
                    return false;
                }

                await timer.WaitForNextTickAsync(CancellationToken.None);
            }
        }

        return true;
    }

    /// <summary>SIGTERM to each service, newest first, waiting up to <paramref name="grace"/> before killing it.</summary>
    public async Task StopAllAsync(TimeSpan grace)
    {
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            var (name, process) = _started[i];
            if (process.HasExited)
            {
                continue;
            }

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(grace);
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                await Console.Error.WriteLineAsync($"localstack: {name} did not stop within {grace.TotalSeconds} s; killing it");
                process.Kill(entireProcessTree: true);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAllAsync(TimeSpan.FromSeconds(5));
        foreach (var (_, process) in _started)
        {
            process.Dispose();
        }
    }

    private static void Print(string name, string? line)
    {
        if (line is not null)
        {
            Console.WriteLine($"[{name}] {line}");
        }
    }
}
