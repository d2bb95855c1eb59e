using LogPipeline.Store;

namespace LogPipeline.QueryUi.Hosts;

/// <summary>
/// Builds the hosts page: one store aggregate gives every host's events over 24 h, over the last 5 minutes and its
/// newest event time; the heartbeats on disk add acknowledged lag and the last error.
/// </summary>
internal sealed class HostsReport(ILogSearch store, HeartbeatReader heartbeats)
{
    public static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan SilentAfter = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan HeartbeatLateAfter = TimeSpan.FromMinutes(1);
    private const string Events = "NOT event.dataset:logpipeline.alert";

    public async Task<IReadOnlyList<HostRow>> BuildAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var activity = (await store.HostActivityAsync(new HostActivityRequest { Query = Events, From = now.AddHours(-24), To = now, RecentFrom = now - RateWindow }, cancellationToken))
            .ToDictionary(a => a.Host, StringComparer.Ordinal);
        var beats = heartbeats.ReadAll().ToDictionary(h => h.Host, StringComparer.Ordinal);
        var rows = new List<HostRow>();
        foreach (var host in activity.Keys.Union(beats.Keys).Order(StringComparer.Ordinal))
        {
            activity.TryGetValue(host, out var seen);
            beats.TryGetValue(host, out var beat);
            rows.Add(Row(host, seen?.Events ?? 0, seen?.RecentEvents ?? 0, seen?.LastEvent, beat, now));
        }

        return rows;
    }

    private static HostRow Row(string host, long count, long recent, DateTimeOffset? last, Heartbeat? beat, DateTimeOffset now)
    {
        var problems = new List<string>();
        if (last is null || now - last > SilentAfter)
        {
            problems.Add(last is null ? "no events in 24 h" : "silent");
        }

        if (beat is null)
        {
            problems.Add("no heartbeat");
        }
        else if (beat.ReceivedAt is null || now - beat.ReceivedAt > HeartbeatLateAfter)
        {
            problems.Add("heartbeat late");
        }

        if (beat?.LastError is not null)
        {
            problems.Add("error");
        }

        return new HostRow
        {
            Host = host,
            LastEvent = last,
            EventsPerMinute = recent / RateWindow.TotalMinutes,
            Events24h = count,
            HeartbeatAt = beat?.ReceivedAt,
            AgentVersion = beat?.AgentVersion,
            LagBytes = beat?.LagBytes,
            LastError = beat?.LastError,
            Files = beat?.Files.Count ?? 0,
            Problems = problems,
        };
    }
}
