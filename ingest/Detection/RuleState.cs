namespace LogPipeline.Ingest.Detection;

/// <summary>
/// One rule's state for one tracked key: its sliding window, what the next alert will report (first and last seen,
/// count, hosts, sample URLs — since the previous alert, reset after a quiet gap longer than the window), and the
/// event time until which the rule stays quiet for this key after firing (the de-duplication).
/// </summary>
internal sealed class RuleState
{
    private readonly int _maxSamples;
    private List<string>? _hosts;
    private List<string>? _urls;

    public RuleState(EventWindow window, int maxSamples)
    {
        Window = window;
        _maxSamples = maxSamples;
    }

    public EventWindow Window { get; }

    public long QuietUntil { get; set; } = long.MinValue;

    /// <summary>True once an alert was written for this state: events counted since then deserve a closing alert.</summary>
    public bool HasFired { get; set; }

    public long FirstSeen { get; private set; }

    public long LastSeen { get; private set; }

    public long EventCount { get; private set; }

    public string? LastUserAgent { get; private set; }

    public IReadOnlyList<string> Hosts => (IReadOnlyList<string>?)_hosts ?? [];

    public IReadOnlyList<string> SampleUrls => (IReadOnlyList<string>?)_urls ?? [];

    public bool IsQuietAt(long ticks) => ticks < QuietUntil;

    public void Record(long ticks, in AccessEvent e)
    {
        if (EventCount > 0 && ticks - LastSeen > Window.WindowTicks)
        {
            ResetReport();
        }

        FirstSeen = EventCount == 0 ? ticks : Math.Min(FirstSeen, ticks);
        LastSeen = EventCount == 0 ? ticks : Math.Max(LastSeen, ticks);
        EventCount++;
        LastUserAgent = e.UserAgent ?? LastUserAgent;
        AddSample(ref _hosts, e.Host);
        AddSample(ref _urls, e.Url);
    }

    public void ResetReport()
    {
        EventCount = 0;
        _hosts?.Clear();
        _urls?.Clear();
    }

    private void AddSample(ref List<string>? samples, string? value)
    {
        if (value is null)
        {
            return;
        }

        samples ??= new List<string>(2);
        if (samples.Count < _maxSamples && !samples.Contains(value))
        {
            samples.Add(value);
        }
    }
}
