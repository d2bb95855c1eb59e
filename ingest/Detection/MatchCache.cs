using System.Buffers;

namespace LogPipeline.Ingest.Detection;

/// <summary>
/// Remembers whether recent strings (user agents, URLs) contain one of a rule's patterns, so that the few distinct
/// values real traffic repeats are scanned once. A fixed table of slots chosen by a cheap hash over a handful of
/// characters; a hit is confirmed by comparing the whole string, so the answer is always exact. Lock-free: a slot
/// holds an immutable entry and a reference write is atomic.
/// </summary>
internal sealed class MatchCache
{
    private const int Slots = 1024;
    private const int MaxLength = 512;

    private readonly SearchValues<string> _patterns;
    private readonly Entry?[] _slots = new Entry?[Slots];

    public MatchCache(IEnumerable<string> patterns) =>
        _patterns = SearchValues.Create([.. patterns], StringComparison.OrdinalIgnoreCase);

    public bool ContainsAny(string value)
    {
        if (value.Length > MaxLength)
        {
            return value.AsSpan().ContainsAny(_patterns);
        }

        var slot = SlotOf(value);
        if (_slots[slot] is { } entry && string.Equals(entry.Value, value, StringComparison.Ordinal))
        {
            return entry.Matches;
        }

        var matches = value.AsSpan().ContainsAny(_patterns);
        _slots[slot] = new Entry(value, matches);
        return matches;
    }

    private static int SlotOf(string value)
    {
        var n = value.Length;
        if (n == 0)
        {
            return 0;
        }

        var h = (uint)n * 2654435761u;
        h = (h ^ value[n - 1]) * 16777619u;
        h = (h ^ value[n / 2]) * 16777619u;
        h = (h ^ value[n / 3]) * 16777619u;
        h = (h ^ value[(2 * n) / 3]) * 16777619u;
        h = (h ^ value[n - 1 - (n / 4)]) * 16777619u;
        return (int)(h >> 22);
    }

    private sealed record Entry(string Value, bool Matches);
}
