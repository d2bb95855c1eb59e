using System.Globalization;
using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Ingest.Detection;

/// <summary>
/// <c>ingest detect</c>: replays the rules over stored events (in time order, as <paramref name="readEvents"/> of
/// <see cref="RunAsync"/> yields them) with a fresh detector, and prints the alerts they would have raised, so
/// thresholds can be tuned on real history before they are switched on. Exit codes: 0 done, 2 bad arguments or rules.
/// </summary>
internal static class DetectCommand
{
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        Func<DateTimeOffset, DateTimeOffset, CancellationToken, IAsyncEnumerable<EcsDocument>> readEvents,
        TextWriter stdout,
        TextWriter stderr,
        TimeProvider time,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(readEvents);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(time);
        var parsed = DetectArguments.Parse(args, time.GetUtcNow(), out var error);
        if (parsed is null || parsed.Help)
        {
            if (error is not null)
            {
                await stderr.WriteLineAsync($"detect: {error}".AsMemory(), ct);
            }

            await (parsed is null ? stderr : stdout).WriteLineAsync(DetectArguments.Usage.AsMemory(), ct);
            return parsed is null ? 2 : 0;
        }

        var options = RulesFile.Load(parsed.RulesFile, out var errors);
        if (errors.Count > 0)
        {
            await stderr.WriteLineAsync($"detect: the rules in {parsed.RulesFile ?? "the defaults"} are not usable:".AsMemory(), ct);
            foreach (var e in errors)
            {
                await stderr.WriteLineAsync($"  {e}".AsMemory(), ct);
            }

            return 2;
        }

        var detector = new ScanDetector(options, time);
        var alerts = new List<EcsDocument>();
        var events = 0L;
        await foreach (var document in readEvents(parsed.From, parsed.To, ct).WithCancellation(ct))
        {
            events++;
            await EmitAsync(detector.Observe(document), alerts, parsed.Json ? stdout : null, ct);
        }

        await EmitAsync(detector.Flush(), alerts, parsed.Json ? stdout : null, ct);

        if (!parsed.Json)
        {
            await AlertTable.WriteAsync(alerts, stdout, ct);
        }

        var summary = parsed.Json ? stderr : stdout;
        await summary.WriteLineAsync(Summary(parsed, events, alerts, detector).AsMemory(), ct);
        return 0;
    }

    private static async Task EmitAsync(IReadOnlyList<EcsDocument> raised, List<EcsDocument> alerts, TextWriter? json, CancellationToken ct)
    {
        foreach (var alert in raised)
        {
            alerts.Add(alert);
            if (json is not null)
            {
                await json.WriteLineAsync(alert.ToJson().AsMemory(), ct);
            }
        }
    }

    private static string Summary(DetectArguments args, long events, List<EcsDocument> alerts, ScanDetector detector)
    {
        var byRule = alerts.GroupBy(a => a.GetString("rule.id")).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
        var sources = alerts.Select(a => a.GetString("source.ip")).Distinct().Count();
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{alerts.Count} alerts from {sources} addresses in {events} events between {args.From:u} and {args.To:u}");
        text += alerts.Count > 0 ? $" ({string.Join(", ", byRule)})." : ".";
        return detector.EvictedKeys == 0
            ? text
            : text + string.Create(CultureInfo.InvariantCulture, $" {detector.EvictedKeys} tracked keys were evicted at the MaxTrackedAddresses cap; some slow attacks may be missed.");
    }
}
