namespace LogPipeline.QueryUi.Scans;

/// <summary>Collects one address's probe events (any order) into an <see cref="Offender"/>.</summary>
internal sealed class OffenderAccumulator
{
    private readonly Dictionary<string, int> _hosts = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _statuses = [];
    private readonly Dictionary<string, int> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _paths = new(StringComparer.Ordinal);
    private readonly List<LoginAttempt> _logins = [];
    private readonly int[] _timeline;
    private readonly DateTimeOffset _from;
    private readonly TimeSpan _span;
    private DateTimeOffset? _first;
    private DateTimeOffset? _last;

    public OffenderAccumulator(DateTimeOffset from, DateTimeOffset to, int buckets)
    {
        _from = from;
        _span = to - from;
        _timeline = new int[buckets];
    }

    public void Add(ProbeEvent e)
    {
        _first = _first is { } f && f <= e.Time ? f : e.Time;
        _last = _last is { } l && l >= e.Time ? l : e.Time;
        Increment(_hosts, e.Host);
        Increment(_agents, e.UserAgent);
        Increment(_paths, e.Path);
        if (e.Status is { } status)
        {
            _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
            if (e.Method == "POST" && e.Path.Equals(ProbeQuery.LoginPath, StringComparison.OrdinalIgnoreCase))
            {
                _logins.Add(new LoginAttempt(e.Time, e.Host, status));
            }
        }

        var bucket = (int)((e.Time - _from).Ticks * _timeline.Length / Math.Max(1, _span.Ticks));
        _timeline[Math.Clamp(bucket, 0, _timeline.Length - 1)]++;
    }

    public Offender Build(string address, long count) => new()
    {
        Address = address,
        Count = count,
        FirstSeen = _first,
        LastSeen = _last,
        Hosts = Top(_hosts, 10),
        Statuses = _statuses.OrderBy(p => p.Key).ToList(),
        UserAgents = Top(_agents, 3),
        Paths = Top(_paths, 5),
        Timeline = _timeline,
        PossibleLogin = LoginRule.FindSuccess(_logins.OrderBy(a => a.Time)),
    };

    private static void Increment(Dictionary<string, int> counts, string key)
    {
        if (key.Length > 0)
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
    }

    private static List<KeyValuePair<string, int>> Top(Dictionary<string, int> counts, int n) =>
        counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(n).ToList();
}
