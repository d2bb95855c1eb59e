using LogPipeline.Parsers.Tool;

namespace LogPipeline.Ingest.Hosting;

/// <summary>Dispatches the verbs (<c>parse</c>, <c>detect</c>) and otherwise runs the service.</summary>
internal static class IngestProgram
{
    public const int BadUsage = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && args[0] is "--help" or "-h" or "help")
        {
            await Console.Out.WriteLineAsync(Usage);
            return 0;
        }

        if (args.Length > 0 && args[0] == "parse")
        {
            // Like Kibana's Grok Debugger, from a shell: lines in, one ECS document per event out.
            return ParseTool.Run(args[1..], File.OpenText, Console.In, Console.Out, Console.Error);
        }

        if (args.Length > 0 && args[0] == "detect")
        {
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            return await DetectVerb.RunAsync(args[1..], stop.Token);
        }

        return await IngestService.RunAsync(args);
    }

    public const string Usage = """
        ingest — LogPipeline's receiving, parsing and storing service

        Parse lines (stdin or FILE) and print one ECS JSON document per event:
          ingest parse [--format F|auto] [--pattern 'GROK'] [--pattern-file F] [--pretty] [FILE]

        Replay the scan-detection rules over stored events (back-test thresholds before switching them on):
          ingest detect [--data-dir DIR] [--from now-7d] [--to now] [--rules rules.json] [--json]

        Run the service:
          ingest [--urls http://127.0.0.1:5080] [--data-dir DIR] (--token T ... | --tokens-file F | --no-auth) [--config settings.json]

        Settings also come from appsettings.json and LOGPIPELINE_Ingest__<Key> environment variables
        (see docs/configuration.md).
        """;
}
