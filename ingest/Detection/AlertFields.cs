namespace LogPipeline.Ingest.Detection;

/// <summary>
/// Names of the fields of an alert document, beyond the ECS ones (<c>event.*</c>, <c>rule.*</c>, <c>source.ip</c>).
/// docs/detection.md describes each.
/// </summary>
internal static class AlertFields
{
    public const string Dataset = "logpipeline.alert";
    public const string Count = "logpipeline.alert.count";
    public const string Threshold = "logpipeline.alert.threshold";
    public const string WindowSeconds = "logpipeline.alert.window_seconds";
    public const string Scope = "logpipeline.alert.scope";
    public const string Distinct = "logpipeline.alert.distinct";
    public const string Hosts = "logpipeline.alert.hosts";
    public const string SampleUrls = "logpipeline.alert.sample_urls";
}
