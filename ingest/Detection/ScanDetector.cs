using LogPipeline.Parsers.Ecs;
using LogPipeline.Store;

namespace LogPipeline.Ingest.Detection;

/// <summary>
/// Streaming scan detection over parsed access events. Windows run on event time (<c>@timestamp</c>), so replaying
/// history (<see cref="DetectCommand"/>) gives the alerts the live service would have raised. Thread-safe: events are
/// classified without locking (most match no rule and cost a single pass over their fields); the few that match take
/// one lock to update the bounded state table.
/// </summary>
internal sealed partial class ScanDetector
{
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private readonly Lock _lock = new();
    private readonly DetectionOptions _options;
    private readonly TimeProvider _time;
    private readonly CompiledRule[] _rules;
    private readonly EventMatch _watched;
    private readonly string[] _datasets;
    private readonly MatchCache? _sensitive;
    private readonly MatchCache? _agents;
    private readonly string[] _ignoredExtensions;
    private readonly HashSet<int> _ignoredStatuses;
    private readonly AccessEventReader _reader = new();
    private readonly ClientAddressResolver _resolver;
    private readonly AddressNetworks _ignored;
    private readonly StateTable _table;
    private readonly long _horizonTicks;
    private readonly Func<CompiledRule, RuleState> _newState;
    private readonly Func<CompiledRule, RuleState> _newHostState;
    private readonly List<EcsDocument> _closing = [];
    private long _clock = long.MinValue;
    private long _clockLimit = long.MinValue;

    public ScanDetector(DetectionOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid detection options (validate them at start-up): " + string.Join(" ", errors), nameof(options));
        }

        _options = options;
        _time = time;
        _rules = [.. CompiledRule.FromOptions(options)];
        _watched = _rules.Aggregate(EventMatch.None, (m, r) => m | r.Trigger);
        _horizonTicks = _rules.Length == 0 ? 0 : _rules.Max(r => r.QuietTicks);
        _datasets = [.. options.Datasets];
        var rules = options.Rules;
        _sensitive = rules.SensitiveFiles.Enabled ? new MatchCache(rules.SensitiveFiles.Patterns) : null;
        _agents = rules.ScannerUserAgents.Enabled ? new MatchCache(rules.ScannerUserAgents.Patterns) : null;
        _ignoredExtensions = [.. rules.Probing4xx.IgnoredExtensions];
        _ignoredStatuses = [.. rules.Probing4xx.IgnoredStatusCodes];
        _resolver = new ClientAddressResolver(options.ClientIpFields, AddressNetworks.Parse(options.TrustedProxies));
        _ignored = AddressNetworks.Parse(options.IgnoredAddresses);
        _table = new StateTable(options.MaxTrackedAddresses, _rules.Length, OnKeyRemoved);
        _newState = NewState;
        _newHostState = NewHostState;
    }

    /// <summary>Keys currently tracked; never more than <see cref="DetectionOptions.MaxTrackedAddresses"/>.</summary>
    public int TrackedKeys
    {
        get
        {
            lock (_lock)
            {
                return _table.Count;
            }
        }
    }

    /// <summary>Keys evicted because the cap was reached (a flood from many addresses).</summary>
    public long EvictedKeys
    {
        get
        {
            lock (_lock)
            {
                return _table.Evicted;
            }
        }
    }

    /// <summary>
    /// Feeds one parsed event; returns the alerts it raises (usually none). Events of other datasets, from ignored
    /// addresses, or without a client address are passed over.
    /// </summary>
    public IReadOnlyList<EcsDocument> Observe(EcsDocument accessEvent)
    {
        ArgumentNullException.ThrowIfNull(accessEvent);
        return _options.Enabled ? Observe(_reader.Read(accessEvent), accessEvent.Timestamp, accessEvent) : [];
    }

    /// <summary>
    /// As <see cref="Observe(EcsDocument)"/>, for an event whose store record is built: the fields the rules need are
    /// read from the record's typed columns (no lookups in the document, which is only read for the client address of
    /// the few events some rule looks at). Same alerts as the document overload.
    /// </summary>
    public IReadOnlyList<EcsDocument> Observe(LogRecord record, EcsDocument document)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(document);
        if (!_options.Enabled || !IsWatchedDataset(record.Dataset))
        {
            return [];
        }

        return Observe(record.Status is null ? _reader.Read(document) : AccessEventReader.FromRecord(record), record.Timestamp, document);
    }

    private IReadOnlyList<EcsDocument> Observe(in AccessEvent e, DateTimeOffset? time, EcsDocument accessEvent)
    {
        if (!IsWatchedDataset(e.Dataset))
        {
            return [];
        }

        var matches = Classify(e);
        if (matches == EventMatch.None || _resolver.Resolve(accessEvent) is not { } address || _ignored.Contains(address))
        {
            return [];
        }

        var ticks = (time ?? _time.GetUtcNow()).UtcTicks;
        var sink = new AlertSink();
        var ip = address.ToString();
        lock (_lock)
        {
            AdvanceClock(ticks);
            foreach (var rule in _rules)
            {
                if ((rule.Trigger & matches) != 0)
                {
                    Evaluate(rule, matches, ip, ticks, e, ref sink);
                }
            }

            sink.Drain(_closing);
        }

        return sink.Alerts;
    }

    /// <summary>
    /// Ends the stream (a replay's last event): forgets every key and returns the closing alerts of bursts that were
    /// still being counted after their first alert. Live, the same closing alerts come out as idle keys expire.
    /// </summary>
    public IReadOnlyList<EcsDocument> Flush()
    {
        var sink = new AlertSink();
        lock (_lock)
        {
            _table.Clear();
            sink.Drain(_closing);
        }

        return sink.Alerts;
    }

    internal EventMatch Classify(in AccessEvent e)
    {
        var matches = EventMatch.None;
        var path = e.Path;
        if (path is not null && string.Equals(e.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            if (path.EndsWith("/wp-login.php", StringComparison.OrdinalIgnoreCase))
            {
                matches |= e.Status == 302 ? EventMatch.LoginSuccess : EventMatch.LoginFailure;
            }
            else if (path.EndsWith("/xmlrpc.php", StringComparison.OrdinalIgnoreCase))
            {
                matches |= EventMatch.Xmlrpc;
            }
        }

        if (e.Status is >= 400 and < 500 && path is not null && !_ignoredStatuses.Contains(e.Status) && !HasIgnoredExtension(path))
        {
            matches |= EventMatch.Probe4xx;
        }

        if (_sensitive is not null && e.Url is { } url && _sensitive.ContainsAny(url))
        {
            matches |= EventMatch.SensitivePath;
        }

        if (_agents is not null && e.UserAgent is { } agent && _agents.ContainsAny(agent))
        {
            matches |= EventMatch.ScannerAgent;
        }

        return matches & _watched;
    }

    private bool IsWatchedDataset(string? dataset)
    {
        foreach (var watched in _datasets)
        {
            // Parsers set the dataset from a constant, so the reference check usually answers.
            if (ReferenceEquals(watched, dataset) || string.Equals(watched, dataset, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasIgnoredExtension(string path)
    {
        foreach (var extension in _ignoredExtensions)
        {
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Event time drives the windows and the expiry of idle keys; a timestamp far in the future (a broken clock) must
    /// not expire everything, so the expiry clock never runs ahead of the wall clock by more than a few minutes.
    /// </summary>
    private void AdvanceClock(long ticks)
    {
        if (ticks > _clockLimit)
        {
            // Read the wall clock only when an event is ahead of the last reading (live traffic: every few minutes).
            _clockLimit = (_time.GetUtcNow() + MaxClockSkew).UtcTicks;
        }

        _clock = Math.Max(_clock, Math.Min(ticks, _clockLimit));
        _table.ExpireIdle(_clock - _horizonTicks);
    }
}
