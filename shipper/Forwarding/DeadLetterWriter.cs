using System.Globalization;
using System.Text.Json;
using LogPipeline.Shipper.Batching;

namespace LogPipeline.Shipper.Forwarding;

/// <summary>
/// Sets aside what ingest refused for good: the batch body as sent (<c>.ndjson.gz</c>) and a note with the status,
/// the server's reason and the failed events (<c>.json</c>), under <c>state_dir/dead-letter/</c>.
/// </summary>
internal sealed class DeadLetterWriter(string stateDir, TimeProvider time)
{
    private int _sequence;

    public string Directory { get; } = Path.Combine(stateDir, "dead-letter");

    public string Write(Batch batch, DeadLetterNote note)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(note);
        System.IO.Directory.CreateDirectory(Directory);
        var now = time.GetUtcNow();
        var name = string.Create(CultureInfo.InvariantCulture, $"{now:yyyyMMdd-HHmmss-fff}-{Interlocked.Increment(ref _sequence)}");
        var bodyPath = Path.Combine(Directory, name + ".ndjson.gz");
        File.WriteAllBytes(bodyPath, batch.Body.Span);
        note.Time = now.ToString("O", CultureInfo.InvariantCulture);
        note.Events = batch.Events;
        File.WriteAllBytes(Path.Combine(Directory, name + ".json"), JsonSerializer.SerializeToUtf8Bytes(note, ForwardingJsonContext.Default.DeadLetterNote));
        return bodyPath;
    }
}
