namespace LogPipeline.Ingest.Detection;

/// <summary>The parsed arguments of <c>ingest detect</c>, or the reason they are unusable.</summary>
internal sealed record DetectArguments(DateTimeOffset From, DateTimeOffset To, string? RulesFile, bool Json, bool Help)
{
    public const string Usage = """
        Usage: ingest detect [--from TIME] [--to TIME] [--rules FILE] [--json]

        Replays the scan-detection rules over stored events and prints the alerts they would have raised.
          --from TIME    start of the replay (default now-1d)
          --to TIME      end of the replay (default now)
                         TIME is ISO-8601 (2026-11-02T08:00:00Z, 2026-11-02; UTC when no offset is given)
                         or relative: now, now-15m, now-6h, now-7d, now-2w
          --rules FILE   JSON with the shape of the "Detection" configuration section (thresholds to try);
                         either the section itself or an object holding it under "Detection"
          --json         one alert document per line (NDJSON) instead of a table; the summary goes to stderr
        """;

    public static DetectArguments? Parse(IReadOnlyList<string> args, DateTimeOffset now, out string? error)
    {
        string? from = null, to = null, rules = null;
        bool json = false, help = false;
        error = null;
        for (var i = 0; i < args.Count && error is null; i++)
        {
            var (name, inline) = Split(args[i]);
            switch (name)
            {
                case "detect" when i == 0:
                    break;
                case "--json":
                    json = true;
                    break;
                case "-h" or "--help":
                    help = true;
                    break;
                case "--from":
                    from = inline ?? Next(args, ref i, name, ref error);
                    break;
                case "--to":
                    to = inline ?? Next(args, ref i, name, ref error);
                    break;
                case "--rules":
                    rules = inline ?? Next(args, ref i, name, ref error);
                    break;
                default:
                    error = $"Unknown argument '{args[i]}'.";
                    break;
            }
        }

        var start = ReadTime("--from", from ?? "now-1d", now, ref error);
        var end = ReadTime("--to", to ?? "now", now, ref error);
        if (error is null && start >= end)
        {
            error = $"--from ({start:O}) must be before --to ({end:O}).";
        }

        return error is null ? new DetectArguments(start, end, rules, json, help) : null;
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var eq = arg.StartsWith("--", StringComparison.Ordinal) ? arg.IndexOf('=', StringComparison.Ordinal) : -1;
        return eq < 0 ? (arg, null) : (arg[..eq], arg[(eq + 1)..]);
    }

    private static string? Next(IReadOnlyList<string> args, ref int i, string name, ref string? error)
    {
        if (i + 1 < args.Count)
        {
            return args[++i];
        }

        error = $"{name} needs a value.";
        return null;
    }

    private static DateTimeOffset ReadTime(string name, string text, DateTimeOffset now, ref string? error)
    {
        if (error is not null)
        {
            return default;
        }

        if (!TimeExpression.TryParse(text, now, out var value))
        {
            error = $"{name} '{text}' is not a time: use ISO-8601 such as 2026-11-02T08:00:00Z, or now-7d, now-6h, now-30m.";
        }

        return value;
    }
}
