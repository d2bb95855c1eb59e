using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace LogPipeline.LocalStack;

/// <summary>
/// Starts ingest, query-ui and a shipper on this machine (loopback only), feeds the shipper the sample logs with
/// their times moved to the last hours plus a trickle of live traffic, prints the UI address, and stops everything
/// in order on Ctrl-C.
/// </summary>
internal static class Launcher
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (!LauncherOptions.TryParse(args, out var options, out var error))
        {
            await Console.Error.WriteLineAsync($"localstack: {error}");
            return 2;
        }

        var repo = Repo.FindRoot();
        var dir = Path.GetFullPath(options.Directory ?? Path.Combine(repo, ".data", "local"));
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var ingestUrl = $"http://127.0.0.1:{options.IngestPort}";
        var uiUrl = $"http://127.0.0.1:{options.UiPort}";
        foreach (var port in new[] { options.IngestPort, options.UiPort })
        {
            if (!Ports.IsFree(port))
            {
                await Console.Error.WriteLineAsync($"localstack: port {port} is in use: choose others with --ingest-port and --ui-port");
                return 2;
            }
        }

        var samples = SampleReplayer.Replay(Path.Combine(repo, "samples"), Path.Combine(dir, "samples"), TimeProvider.System.GetUtcNow());
        var live = Path.Combine(dir, "live", "access.log");
        var config = ShipperConfig.Write(dir, ingestUrl, token, samples, live);

        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });

        await using var stack = new Children();
        var data = Path.Combine(dir, "data");
        stack.Start("ingest", Repo.Dll(repo, "ingest"), "--urls", ingestUrl, "--data-dir", data, "--token", token);
        stack.Start("query-ui", Repo.Dll(repo, "query-ui"), "--urls", uiUrl, "--data-dir", data);
        if (!await stack.WaitHealthyAsync([ingestUrl, uiUrl], stop.Token))
        {
            return 1;
        }

        stack.Start("shipper", Repo.Dll(repo, "shipper"), "run", "--config", config);
        Console.WriteLine();
        Console.WriteLine($"LogPipeline is running. Open {uiUrl}/search?from=now-24h");
        Console.WriteLine($"  data, logs and shipper state: {dir}");
        Console.WriteLine($"  shipping: {string.Join(", ", samples.Select(s => s.Path).Append(live))}{(ShipperConfig.ApacheLogsReadable ? ", /var/log/apache2/*.log" : "")}");
        Console.WriteLine("Press Ctrl-C to stop.");

        await LiveTraffic.RunAsync(live, stop.Token);
        Console.WriteLine("Stopping: shipper, then ingest, then query-ui …");
        await stack.StopAllAsync(TimeSpan.FromSeconds(20));
        return 0;
    }
}

/// <summary>The launcher's flags.</summary>
internal sealed record LauncherOptions(int IngestPort, int UiPort, string? Directory)
{
    public static bool TryParse(string[] args, out LauncherOptions options, out string? error)
    {
        options = new LauncherOptions(5080, 5081, null);
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--ingest-port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536:
                    options = options with { IngestPort = p };
                    i++;
                    break;
                case "--ui-port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536:
                    options = options with { UiPort = p };
                    i++;
                    break;
                case "--dir" when value is not null:
                    options = options with { Directory = value };
                    i++;
                    break;
                default:
                    error = $"bad option '{args[i]}' (known: --ingest-port N, --ui-port N, --dir DIR)";
                    return false;
            }
        }

        return true;
    }
}
