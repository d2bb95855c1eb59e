using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LogPipeline.Bench.Ingest;

/// <summary>
/// The real thing: a file of N Apache lines, our shipper (start_at: beginning) sending to our ingest writing to
/// SQLite, as separate processes. Reports sustained events/s from the shipper's start until ingest has stored the
/// last event, the store's bytes per million events, and each process's CPU per event (from /proc): the shipper's over
/// its whole life and after its first event was stored (start-up excluded), ingest's from the shipper's start.
/// Each shipper form (<see cref="ShipperBuild"/>) gets a fresh ingest and store, one after the other in the same run.
/// </summary>
internal static class EndToEnd
{
    public static async Task RunAsync(int count, string work, IReadOnlyList<string> forms, int inFlight)
    {
        var log = Path.Combine(work, "e2e-access.log");
        await File.WriteAllLinesAsync(log, TrafficLines.Generate(count, TimeProvider.System.GetUtcNow()));
        var commands = new List<(string Form, string[] Command)>();
        foreach (var form in forms)
        {
            commands.Add((form, await ShipperBuild.CommandAsync(form, work)));
        }

        foreach (var (form, command) in commands)
        {
            await RunOnceAsync(count, log, Path.Combine(work, "e2e-" + form), form, command, inFlight);
        }
    }

    private static async Task RunOnceAsync(int count, string log, string dir, string form, string[] shipperCommand, int inFlight)
    {
        Directory.CreateDirectory(dir);
        var data = Path.Combine(dir, "data");
        var url = $"http://127.0.0.1:{FreePort()}";
        var config = Path.Combine(dir, "shipper.yml");
        await File.WriteAllTextAsync(config, $"""
            name: bench
            ingest:
              url: {url}
              token: bench-token{(inFlight > 0 ? $"\n  max_in_flight: {inFlight}" : string.Empty)}
            state_dir: {Path.Combine(dir, "state")}
            inputs:
              - paths: ["{log}"]
                type: apache.access
                start_at: beginning
            """);

        using var ingest = Start(
            ["dotnet", ShipperBuild.Dll("ingest"), "--urls", url, "--data-dir", data, "--token", "bench-token"],
            inFlight > 0 ? ("LOGPIPELINE_Ingest__MaxConcurrentBatches", inFlight.ToString(CultureInfo.InvariantCulture)) : null);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        await WaitAsync(async () => (await http.GetAsync("/healthz")).IsSuccessStatusCode, TimeSpan.FromSeconds(60));
        var load = ProcessCpu.LoadAverage();
        var ingestCpu = ProcessCpu.Of(ingest.Id);
        var watch = Stopwatch.StartNew();
        using var stopIngest = new KillOnDispose(ingest);
        using var shipper = Start([.. shipperCommand, "run", "--config", config]);
        using var stopShipper = new KillOnDispose(shipper);
        (long Stored, TimeSpan Cpu)? first = null;
        await WaitAsync(async () =>
        {
            var stored = await StoredAsync(http);
            first ??= stored > 0 ? (stored, ProcessCpu.Of(shipper.Id)) : null;
            if (stored < count && (shipper.HasExited || ingest.HasExited))
            {
                // A refused configuration (e.g. --in-flight above the shipper's limit) must not leave the bench waiting.
                var (name, process) = shipper.HasExited ? ("shipper", shipper) : ("ingest", ingest);
                throw new InvalidOperationException(
                    $"the {name} exited with code {process.ExitCode} after {stored:N0} of {count:N0} events were stored; its error output is above");
            }

            return stored >= count;
        }, TimeSpan.FromMinutes(20));
        var elapsed = watch.Elapsed;
        var shipperCpu = ProcessCpu.Of(shipper.Id);
        ingestCpu = ProcessCpu.Of(ingest.Id) - ingestCpu;
        var bytes = Directory.EnumerateFiles(data, "*.db*").Sum(f => new FileInfo(f).Length);
        var steady = (shipperCpu - first!.Value.Cpu).TotalMicroseconds / Math.Max(1, count - first.Value.Stored);
        Console.WriteLine($"end to end (shipper {form} → ingest → SQLite): {count / elapsed.TotalSeconds:N0} events/s ({count:N0} in {elapsed.TotalSeconds:N1} s); "
            + $"store {bytes / (double)count * 1_000_000 / (1024 * 1024):N0} MiB per million events; load average {load} → {ProcessCpu.LoadAverage()}");
        Console.WriteLine($"  shipper CPU: {shipperCpu.TotalMicroseconds / count:N1} µs/event over its life ({shipperCpu.TotalSeconds:N2} s), "
            + $"{steady:N1} µs/event after its first stored event; ingest CPU: {ingestCpu.TotalMicroseconds / count:N1} µs/event ({ingestCpu.TotalSeconds:N2} s)");
    }

    private static async Task<long> StoredAsync(HttpClient http)
    {
        var metrics = await http.GetStringAsync("/metrics");
        var line = metrics.Split('\n').First(l => l.StartsWith("logpipeline_ingest_events_stored_total ", StringComparison.Ordinal));
        return long.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
    }

    private static async Task WaitAsync(Func<Task<bool>> done, TimeSpan deadline)
    {
        var watch = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (await timer.WaitForNextTickAsync())
        {
            try
            {
                if (await done())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not up yet.
            }

            if (watch.Elapsed > deadline)
            {
                throw new TimeoutException($"not done within {deadline}");
            }
        }
    }

    private static Process Start(string[] command, (string Name, string Value)? environment = null)
    {
        var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (environment is { } variable)
        {
            info.Environment[variable.Name] = variable.Value;
        }

        foreach (var arg in command.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Kills a child process (and its children) when the run ends, also when it ends by an exception.</summary>
    private sealed class KillOnDispose(Process process) : IDisposable
    {
        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
