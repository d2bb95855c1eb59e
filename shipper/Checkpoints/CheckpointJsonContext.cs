using System.Text.Json.Serialization;

namespace LogPipeline.Shipper.Checkpoints;

/// <summary>Source-generated JSON for the checkpoint file (no reflection: Native AOT).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(CheckpointFile))]
internal sealed partial class CheckpointJsonContext : JsonSerializerContext;
