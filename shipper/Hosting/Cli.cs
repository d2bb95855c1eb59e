using System.Runtime.InteropServices;
using LogPipeline.Shipper.Configuration;
using LogPipeline.Shipper.Metrics;

namespace LogPipeline.Shipper.Hosting;

/// <summary>
/// The command line: <c>run</c>, <c>check-config</c>, <c>status</c>, <c>install</c>. Exit codes: 0 done, 1 failed
/// while running, 2 bad flags or configuration (with a one-line error per problem naming the key and line).
/// </summary>
internal static class Cli
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public const string Help = """
        usage: shipper run --config FILE          tail the configured files and forward them to ingest
               shipper check-config FILE          report every problem in FILE with its line; exit 2 if any
               shipper status --config FILE       per file: path, fingerprint, acknowledged offset, size, lag, last error
               shipper install [--config FILE] [--user USER] [--binary PATH] [--unit-dir DIR]
                                                  write a systemd unit (and a default config if FILE is missing)
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await stdout.WriteLineAsync(Help);
            return args.Length == 0 ? Usage : Ok;
        }

        var flags = ParseFlags(args.AsSpan(1), out var positional, out var flagError);
        if (flagError is not null)
        {
            await stderr.WriteLineAsync($"shipper: {flagError} (see shipper --help)");
            return Usage;
        }

        var command = args[0];
        var config = flags.GetValueOrDefault("config") ?? positional.FirstOrDefault();
        return command switch
        {
            "run" => await WithConfig(config, stderr, options => RunServiceAsync(options)),
            "check-config" => await WithConfig(config, stderr, async _ =>
            {
                await stdout.WriteLineAsync($"{config}: ok");
                return Ok;
            }),
            "status" => await WithConfig(config, stderr, options => Task.FromResult(StatusCommand.Print(options, stdout, stderr))),
            "install" => Installer.Run(flags, stdout, stderr),
            _ => await Fail(stderr, $"unknown command '{command}' (expected run, check-config, status or install)"),
        };
    }

    private static Dictionary<string, string> ParseFlags(ReadOnlySpan<string> args, out List<string> positional, out string? error)
    {
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        positional = [];
        error = null;
        string[] known = ["config", "user", "binary", "unit-dir"];
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
                continue;
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[2..eq] : arg[2..];
            if (Array.IndexOf(known, name) < 0)
            {
                error = $"unknown flag '{arg}'";
                return flags;
            }

            if (eq < 0 && i + 1 >= args.Length)
            {
                error = $"flag '{arg}' needs a value";
                return flags;
            }

            flags[name] = eq > 0 ? arg[(eq + 1)..] : args[++i];
        }

        return flags;
    }

    private static async Task<int> WithConfig(string? path, TextWriter stderr, Func<ShipperOptions, Task<int>> action)
    {
        if (path is null)
        {
            return await Fail(stderr, "missing --config FILE");
        }

        var (options, errors) = ConfigLoader.LoadFile(path);
        if (options is null)
        {
            foreach (var error in errors)
            {
                await stderr.WriteLineAsync($"shipper: config error: {error.Format(path)}");
            }

            return Usage;
        }

        return await action(options);
    }

    private static async Task<int> Fail(TextWriter stderr, string message)
    {
        await stderr.WriteLineAsync($"shipper: {message} (see shipper --help)");
        return Usage;
    }

    private static async Task<int> RunServiceAsync(ShipperOptions options)
    {
        try
        {
            Directory.CreateDirectory(options.StateDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"shipper: cannot create state_dir {options.StateDir}: {e.Message}");
            return Failed;
        }

        NativeHeap.Configure();
        using var stop = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var loggers = Logging.Create(options.LogFile);
        var service = new ShipperService(options, TimeProvider.System, loggers);
        using var metricsEndpoint = options.MetricsListen is { } listen ? MetricsEndpoint.Start(listen, service.Metrics, loggers) : null;
        return await service.RunAsync(stop.Token);
    }
}
