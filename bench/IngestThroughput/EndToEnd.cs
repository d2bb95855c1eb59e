using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LogPipeline.Bench.Ingest;

/// <summary>
/// The real thing: a file of N Apache lines, our shipper (start_at: beginning) sending to our ingest writing to
/// SQLite, both Release builds as separate processes. Reports sustained events/s from the shipper's start until ingest
/// has stored the last event, and the store's bytes per million events.
/// </summary>
internal static class EndToEnd
{
    public static async Task RunAsync(int count, string work)
    {
        var log = Path.Combine(work, "e2e", "access.log");
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        await File.WriteAllLinesAsync(log, TrafficLines.Generate(count, TimeProvider.System.GetUtcNow()));
        var data = Path.Combine(work, "e2e", "data");
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var config = Path.Combine(work, "e2e", "shipper.yml");
        await File.WriteAllTextAsync(config, $"""
            name: bench
            ingest:
              url: {url}
              token: bench-token
            state_dir: {Path.Combine(work, "e2e", "state")}
            inputs:
              - paths: ["{log}"]
                type: apache.access
                start_at: beginning
            """);

        using var ingest = Start(Dll("ingest"), "--urls", url, "--data-dir", data, "--token", "bench-token");
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        await WaitAsync(async () => (await http.GetAsync("/healthz")).IsSuccessStatusCode, TimeSpan.FromSeconds(60));
        var watch = Stopwatch.StartNew();
        using var shipper = Start(Dll("shipper"), "run", "--config", config);
        await WaitAsync(async () => await StoredAsync(http) >= count, TimeSpan.FromMinutes(20));
        var elapsed = watch.Elapsed;
        var bytes = Directory.EnumerateFiles(data, "*.db*").Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"end to end (shipper → ingest → SQLite): {count / elapsed.TotalSeconds:N0} events/s ({count:N0} in {elapsed.TotalSeconds:N1} s); store {bytes / (double)count * 1_000_000 / (1024 * 1024):N0} MiB per million events");
        shipper.Kill();
        ingest.Kill();
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

    private static Process Start(string dll, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
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

    private static string Dll(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, name, "bin", "Release", "net10.0", name + ".dll");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"{name}.dll (Release) not found: build with -c Release");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
