namespace LogPipeline.Ingest.Detection;

/// <summary>
/// The tracked keys (an address, an address and host, or a host) with their per-rule states, capped at
/// <c>capacity</c> keys. Keys are kept in least-recently-seen order: at the cap the least recently seen key is evicted,
/// and keys idle for longer than the horizon (nothing left in any window or quiet period) are dropped as events arrive.
/// Not thread-safe: <see cref="ScanDetector"/> serialises access.
/// </summary>
internal sealed class StateTable
{
    private readonly Dictionary<string, Entry> _entries;
    private readonly int _capacity;
    private readonly int _rules;
    private readonly Action<string, RuleState?[]> _removed;
    private Entry? _newest;
    private Entry? _oldest;

    /// <param name="removed">Told of every key leaving the table (evicted, expired or flushed), with its states.</param>
    public StateTable(int capacity, int rules, Action<string, RuleState?[]> removed)
    {
        _capacity = capacity;
        _rules = rules;
        _removed = removed;
        _entries = new Dictionary<string, Entry>(Math.Min(capacity, 4096), StringComparer.Ordinal);
    }

    public int Count => _entries.Count;

    /// <summary>Keys dropped because the table was full (not counting idle keys that expired).</summary>
    public long Evicted { get; private set; }

    public RuleState? Find(string key, int rule) => _entries.TryGetValue(key, out var entry) ? entry.States[rule] : null;

    public RuleState GetOrAdd(string key, CompiledRule rule, long ticks, Func<CompiledRule, RuleState> create)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            Unlink(entry);
        }
        else
        {
            while (_entries.Count >= _capacity && _oldest is { } victim)
            {
                Remove(victim);
                Evicted++;
            }

            entry = new Entry(key, new RuleState?[_rules]);
            _entries.Add(key, entry);
        }

        entry.LastSeen = Math.Max(entry.LastSeen, ticks);
        LinkNewest(entry);
        return entry.States[rule.Index] ??= create(rule);
    }

    /// <summary>Drops keys not seen since <paramref name="before"/> (event-time ticks).</summary>
    public void ExpireIdle(long before)
    {
        while (_oldest is { } oldest && oldest.LastSeen < before)
        {
            Remove(oldest);
        }
    }

    /// <summary>Removes every key (end of a replay).</summary>
    public void Clear()
    {
        while (_oldest is { } oldest)
        {
            Remove(oldest);
        }
    }

    private void Remove(Entry entry)
    {
        Unlink(entry);
        _entries.Remove(entry.Key);
        _removed(entry.Key, entry.States);
    }

    private void Unlink(Entry entry)
    {
        if (entry.Newer is { } newer)
        {
            newer.Older = entry.Older;
        }
        else if (_newest == entry)
        {
            _newest = entry.Older;
        }

        if (entry.Older is { } older)
        {
            older.Newer = entry.Newer;
        }
        else if (_oldest == entry)
        {
            _oldest = entry.Newer;
        }

        entry.Newer = entry.Older = null;
    }

    private void LinkNewest(Entry entry)
    {
        entry.Older = _newest;
        if (_newest is not null)
        {
            _newest.Newer = entry;
        }

        _newest = entry;
        _oldest ??= entry;
    }

    private sealed class Entry(string key, RuleState?[] states)
    {
        public string Key { get; } = key;

        public RuleState?[] States { get; } = states;

        public long LastSeen { get; set; } = long.MinValue;

        public Entry? Newer { get; set; }

        public Entry? Older { get; set; }
    }
}
