namespace LogPipeline.Store;

/// <summary>Writes batches of events durably. Idempotent on <see cref="LogRecord.Id"/>.</summary>
public interface ILogSink
{
    /// <summary>
    /// Writes the batch and returns, per record and in the same order, whether it was stored, was already there, or
    /// failed (with the reason). Returns only once stored records are durable.
    /// </summary>
    Task<WriteResult> WriteAsync(IReadOnlyList<LogRecord> records, CancellationToken cancellationToken);
}
