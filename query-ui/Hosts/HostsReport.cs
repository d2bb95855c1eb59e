using LogPipeline.QueryUi.Search;
using LogPipeline.Store;

namespace LogPipeline.QueryUi.Hosts;

/// <summary>
/// Builds the hosts page: event counts per host over 24 h and over the last 5 minutes (two top-values reads), the
/// newest event of each host seen in 24 h (one size-1 search per host), and the heartbeats on disk.
/// </summary>
internal sealed class HostsReport(ILogSearch store, HeartbeatReader heartbeats)
{
    public static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan SilentAfter = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan HeartbeatLateAfter = TimeSpan.FromMinutes(1);
    private const string Events = "NOT event.dataset:logpipeline.alert";

    public async Task<IReadOnlyList<HostRow>> BuildAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var day = await store.TopValuesAsync(new TopValuesRequest { Query = Events, From = now.AddHours(-24), To = now, Field = "host.name", Size = 10_000 }, cancellationToken);
        var recent = await store.TopValuesAsync(new TopValuesRequest { Query = Events, From = now - RateWindow, To = now, Field = "host.name", Size = 10_000 }, cancellationToken);
        var rates = recent.Values.ToDictionary(v => v.Value, v => v.Count, StringComparer.Ordinal);
        var beats = heartbeats.ReadAll().ToDictionary(h => h.Host, StringComparer.Ordinal);
        var rows = new List<HostRow>();
        foreach (var host in day.Values.Select(v => v.Value).Union(beats.Keys).Order(StringComparer.Ordinal))
        {
            var count = day.Values.FirstOrDefault(v => v.Value == host)?.Count ?? 0;
            DateTimeOffset? last = null;
            if (count > 0)
            {
                var newest = await store.SearchAsync(new SearchRequest { Query = $"{Events} AND host.name:{QueryEdit.Quote(host)}", From = now.AddHours(-24), To = now, Size = 1, TotalCap = 0 }, cancellationToken);
                last = newest.Hits.FirstOrDefault()?.Timestamp;
            }

            beats.TryGetValue(host, out var beat);
            rows.Add(Row(host, count, rates.GetValueOrDefault(host), last, beat, now));
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
