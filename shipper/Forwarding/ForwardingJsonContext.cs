using System.Text.Json.Serialization;

namespace LogPipeline.Shipper.Forwarding;

/// <summary>Source-generated JSON for ingest's answers and the dead-letter notes (Native AOT).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = false)]
[JsonSerializable(typeof(IngestResponse))]
[JsonSerializable(typeof(IngestErrorBody))]
[JsonSerializable(typeof(DeadLetterNote))]
internal sealed partial class ForwardingJsonContext : JsonSerializerContext;
