namespace LogPipeline.Shipper.Metrics;

/// <summary>A monotonic counter, cheap to bump from any thread.</summary>
internal sealed class MetricCounter(string name, string help)
{
    private long _value;

    public string Name { get; } = name;

    public string Help { get; } = help;

    public long Value => Interlocked.Read(ref _value);

    public void Add(long delta) => Interlocked.Add(ref _value, delta);
}
