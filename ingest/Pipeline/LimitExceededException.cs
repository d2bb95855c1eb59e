namespace LogPipeline.Ingest.Pipeline;

/// <summary>Thrown by <see cref="LimitedReadStream"/>; caught at the request boundary and turned into a 413.</summary>
internal sealed class LimitExceededException : IOException
{
    public LimitExceededException(bool decompressed)
        : base(decompressed ? "decompressed body over the limit" : "body over the limit") => Decompressed = decompressed;

    public bool Decompressed { get; }
}
