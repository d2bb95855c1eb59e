namespace LogPipeline.Ingest.Detection;

/// <summary>
/// A sliding window over event time that holds at most <c>threshold</c> entries, so a tracked key costs bounded memory
/// whatever the traffic. Arrays start small and grow up to the threshold.
/// </summary>
internal abstract class EventWindow
{
    protected EventWindow(int threshold, TimeSpan window)
    {
        Threshold = threshold;
        WindowTicks = window.Ticks;
    }

    public int Threshold { get; }

    public long WindowTicks { get; }

    /// <summary>Entries currently held (events, or distinct keys).</summary>
    public abstract int Count { get; }

    /// <summary>Adds an event at <paramref name="ticks"/>; true when the window now holds the threshold.</summary>
    public abstract bool Add(long ticks, string key);

    public abstract void Clear();

    protected static T[] Grow<T>(T[] items, int threshold) =>
        items.Length >= threshold ? items : ResizeTo(items, Math.Min(threshold, Math.Max(4, items.Length * 2)));

    private static T[] ResizeTo<T>(T[] items, int size)
    {
        Array.Resize(ref items, size);
        return items;
    }
}
