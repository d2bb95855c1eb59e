namespace LogPipeline.Ingest.Detection;

/// <summary>
/// Counts events: a ring of the last <c>threshold</c> event times. The rule holds when the ring is full and its oldest
/// and newest entries are at most the window apart (exact sliding window; tolerant of slightly out-of-order events).
/// </summary>
internal sealed class CountWindow : EventWindow
{
    private long[] _times = [];
    private int _next;
    private int _filled;

    public CountWindow(int threshold, TimeSpan window)
        : base(threshold, window)
    {
    }

    public override int Count => _filled;

    public override bool Add(long ticks, string key)
    {
        if (_filled == _times.Length && _filled < Threshold)
        {
            _times = Grow(_times, Threshold);
            _next = _filled;
        }

        _times[_next] = ticks;
        _next = (_next + 1) % _times.Length;
        _filled = Math.Min(_filled + 1, _times.Length);
        return IsFullWithin(ticks);
    }

    /// <summary>True when the window holds the threshold and all of it lies within the window before <paramref name="ticks"/>.</summary>
    public bool IsFullWithin(long ticks)
    {
        if (_filled < Threshold)
        {
            return false;
        }

        long min = long.MaxValue, max = ticks;
        for (var i = 0; i < _filled; i++)
        {
            min = Math.Min(min, _times[i]);
            max = Math.Max(max, _times[i]);
        }

        return max - min <= WindowTicks;
    }

    public override void Clear()
    {
        _next = 0;
        _filled = 0;
    }
}
