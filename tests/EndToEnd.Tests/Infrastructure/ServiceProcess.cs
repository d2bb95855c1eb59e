using System.Diagnostics;
using System.Text;

namespace LogPipeline.EndToEnd.Tests.Infrastructure;

/// <summary>A real process of ours (<c>dotnet X.dll args</c>), its output kept for failure messages, killed on dispose.</summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Stopped on purpose by the test (killed or SIGTERM), so its exit is no failure.</summary>
    public bool StoppedByTest { get; private set; }

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ServiceProcess Start(string name, string dll, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var service = new ServiceProcess(name, process);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Sends SIGTERM (a graceful stop) and waits for the exit.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        StoppedByTest = true;
        if (_process.HasExited)
        {
            return;
        }

        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not stop within {timeout} after SIGTERM. Output:\n{Output}");
        }
    }

    /// <summary>SIGKILL: the process gets no chance to flush anything.</summary>
    public async Task KillAsync()
    {
        StoppedByTest = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
