using System.Globalization;
using LogPipeline.QueryUi.Hosting;
using LogPipeline.QueryUi.Search;
using LogPipeline.Store;

namespace LogPipeline.QueryUi.Scans;

/// <summary>
/// Builds the scans page from three store reads: the top probing addresses with exact counts (top values of
/// source.ip over the probe query), one newest-first pass over the probe events (at most ScanMaxEvents) for each
/// address's details, and the detector's alerts.
/// </summary>
internal sealed class ScanAnalyzer(ILogSearch store, QueryUiOptions options)
{
    public const int TimelineBuckets = 48;

    public async Task<ScanReport> AnalyseAsync(DateTimeOffset from, DateTimeOffset to, int offenders, CancellationToken cancellationToken)
    {
        var top = await TopAddressesAsync(from, to, offenders, cancellationToken);
        var details = top.Values.ToDictionary(v => v.Value, _ => new OffenderAccumulator(from, to, TimelineBuckets), StringComparer.Ordinal);
        var analysed = 0L;
        var request = new SearchRequest { Query = ProbeQuery.Text, From = from, To = to, Size = 1000, TotalCap = 0 };
        while (analysed < options.ScanMaxEvents && details.Count > 0)
        {
            var page = await store.SearchAsync(request with { Size = (int)Math.Min(1000, options.ScanMaxEvents - analysed) }, cancellationToken);
            foreach (var hit in page.Hits)
            {
                var probe = ProbeEvent.From(hit.Timestamp, hit.DocumentJson);
                if (details.TryGetValue(probe.Address, out var accumulator))
                {
                    accumulator.Add(probe);
                }
            }

            analysed += page.Hits.Count;
            if (page.NextCursor is null)
            {
                break;
            }

            request = request with { Cursor = page.NextCursor };
        }

        var alerts = await store.SearchAsync(new SearchRequest { Query = ProbeQuery.Alerts, From = from, To = to, Size = 200 }, cancellationToken);
        return new ScanReport
        {
            From = from,
            To = to,
            Offenders = top.Values.Select(v => details[v.Value].Build(v.Value, v.Count)).ToList(),
            Alerts = alerts.Hits.Select(ToAlert).ToList(),
            ProbeEvents = top.Values.Sum(v => v.Count) + top.OtherCount,
            Addresses = top.DistinctCount,
            Analysed = analysed,
        };
    }

    /// <summary>Probing addresses by descending count, each with its exact count.</summary>
    public Task<TopValuesResult> TopAddressesAsync(DateTimeOffset from, DateTimeOffset to, int size, CancellationToken cancellationToken) =>
        store.TopValuesAsync(new TopValuesRequest { Query = ProbeQuery.Text, From = from, To = to, Field = "source.ip", Size = size }, cancellationToken);

    private static ScanAlert ToAlert(SearchHit hit)
    {
        var view = HitView.From(hit);
        _ = long.TryParse(view.Value("logpipeline.alert.count"), NumberStyles.None, CultureInfo.InvariantCulture, out var count);
        return new ScanAlert(hit.Id, hit.Timestamp, view.Value("rule.id"), view.Value("rule.name"), view.Value("source.ip"), count,
            view.Value("logpipeline.alert.hosts"), view.Value("logpipeline.alert.sample_urls"), view.Value("event.start"), view.Value("event.end"));
    }
}
