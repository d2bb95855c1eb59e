namespace LogPipeline.Shipper.Configuration;

/// <summary>How several ingest URLs are used.</summary>
internal enum LoadBalancing
{
    /// <summary>The first URL that answers; the next one only when it fails.</summary>
    Failover,

    /// <summary>Each batch to the next URL in turn; a failing one is skipped.</summary>
    RoundRobin,
}
