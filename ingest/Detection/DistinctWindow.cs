namespace LogPipeline.Ingest.Detection;

/// <summary>
/// Counts distinct keys (paths, or addresses) seen within the window, keeping the latest time of each. Entries older
/// than the window are dropped on every add; at most <c>threshold</c> keys are held, the oldest replaced first.
/// </summary>
internal sealed class DistinctWindow : EventWindow
{
    private string[] _keys = [];
    private long[] _times = [];
    private int _count;

    public DistinctWindow(int threshold, TimeSpan window)
        : base(threshold, window)
    {
    }

    public override int Count => _count;

    public IEnumerable<string> Keys => _keys.Take(_count);

    public override bool Add(long ticks, string key)
    {
        var oldest = 0;
        for (var i = _count - 1; i >= 0; i--)
        {
            if (ticks - _times[i] > WindowTicks)
            {
                RemoveAt(i);
            }
        }

        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                _times[i] = Math.Max(_times[i], ticks);
                return _count >= Threshold;
            }

            oldest = _times[i] < _times[oldest] ? i : oldest;
        }

        if (_count < Threshold)
        {
            if (_count == _keys.Length)
            {
                _keys = Grow(_keys, Threshold);
                _times = Grow(_times, Threshold);
            }

            (_keys[_count], _times[_count]) = (key, ticks);
            _count++;
        }
        else
        {
            (_keys[oldest], _times[oldest]) = (key, ticks);
        }

        return _count >= Threshold;
    }

    public override void Clear()
    {
        Array.Clear(_keys);
        _count = 0;
    }

    private void RemoveAt(int index)
    {
        _count--;
        _keys[index] = _keys[_count];
        _times[index] = _times[_count];
        _keys[_count] = null!;
    }
}
