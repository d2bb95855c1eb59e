namespace LogPipeline.Ingest.Detection;

/// <summary>What an alert says about the rule that raised it (<c>rule.*</c>, <c>event.severity</c>).</summary>
internal sealed record RuleDefinition(string Id, string Name, string Category, int Severity, string Description);
