using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace LogPipeline.Shipper.Metrics;

/// <summary>
/// The shipper's counters, published through <see cref="System.Diagnostics.Metrics"/> (meter <c>LogPipeline.Shipper</c>)
/// and rendered in Prometheus text format for the optional local endpoint.
/// </summary>
internal sealed class ShipperMetrics : IDisposable
{
    private readonly Meter _meter = new("LogPipeline.Shipper");
    private readonly List<MetricCounter> _counters = [];

    public ShipperMetrics()
    {
        EventsRead = Counter("shipper_events_read_total", "Events framed from files");
        BytesRead = Counter("shipper_bytes_read_total", "Bytes read from files");
        EventsSent = Counter("shipper_events_sent_total", "Events acknowledged by ingest");
        BatchesSent = Counter("shipper_batches_sent_total", "Batches acknowledged by ingest");
        BytesSent = Counter("shipper_bytes_sent_total", "Compressed bytes acknowledged by ingest");
        EventsFailed = Counter("shipper_events_failed_total", "Events refused by ingest and written to the dead-letter directory");
        Retries = Counter("shipper_send_retries_total", "Failed send attempts that were retried");
    }

    public MetricCounter EventsRead { get; }

    public MetricCounter BytesRead { get; }

    public MetricCounter EventsSent { get; }

    public MetricCounter BatchesSent { get; }

    public MetricCounter BytesSent { get; }

    public MetricCounter EventsFailed { get; }

    public MetricCounter Retries { get; }

    /// <summary>Gauges read when rendering: (name, help, value).</summary>
    public List<Func<(string Name, string Help, double Value)>> Gauges { get; } = [];

    public string RenderPrometheus()
    {
        var text = new StringBuilder();
        foreach (var counter in _counters)
        {
            text.Append(CultureInfo.InvariantCulture, $"# HELP {counter.Name} {counter.Help}\n# TYPE {counter.Name} counter\n{counter.Name} {counter.Value}\n");
        }

        foreach (var gauge in Gauges)
        {
            var (name, help, value) = gauge();
            text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}\n");
        }

        return text.ToString();
    }

    public void Dispose() => _meter.Dispose();

    private MetricCounter Counter(string name, string help)
    {
        var counter = new MetricCounter(name, help);
        _counters.Add(counter);
        _meter.CreateObservableCounter(name, () => counter.Value, description: help);
        return counter;
    }
}
