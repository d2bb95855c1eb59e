namespace LogPipeline.Ingest.Detection;

/// <summary>The few fields of an access event the rules look at (read by <see cref="AccessEventReader"/>).</summary>
internal readonly record struct AccessEvent(string? Dataset, string? Method, string? Path, string? Url, int Status, string? UserAgent, string? Host);
