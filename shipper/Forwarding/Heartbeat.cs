using System.Globalization;
using System.Text.Json;
using LogPipeline.Shipper.Checkpoints;
using LogPipeline.Shipper.Tailing;

namespace LogPipeline.Shipper.Forwarding;

/// <summary>
/// Every <see cref="Interval"/>, tells ingest what this shipper is doing (docs/protocol.md, <c>/v1/status</c>): per
/// file, the read and acknowledged offsets, the size, the lag in bytes, the last send and the last error — so the
/// UI's hosts page shows a host that went silent or fell behind.
/// </summary>
internal sealed class Heartbeat(CheckpointRegistry registry, IngestClient client, TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await client.PostStatusAsync(Build(registry, time.GetUtcNow()), stop);
                await Task.Delay(Interval, time, stop);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>The report as JSON bytes.</summary>
    internal static byte[] Build(CheckpointRegistry registry, DateTimeOffset now)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("host", registry.Host);
            writer.WriteString("agent_version", IngestClient.Agent);
            writer.WriteString("sent_at", Format(now));
            writer.WriteStartArray("files");
            foreach (var file in registry.Snapshot().File.Files.Where(f => !f.Superseded).OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                var size = FileStat.TryGet(file.Path, out var stat, out _) && FileIdentity.SameIdentity(file, stat) ? stat.Size : file.Size;
                writer.WriteStartObject();
                writer.WriteString("path", file.Path);
                writer.WriteString("fingerprint", file.Fingerprint);
                writer.WriteNumber("size", size);
                writer.WriteNumber("read_offset", file.ReadOffset);
                writer.WriteNumber("acked_offset", file.AckedOffset);
                writer.WriteNumber("lag_bytes", Math.Max(0, size - file.AckedOffset));
                writer.WriteString("last_error", file.LastError);
                if (file.LastSendUnixMs > 0)
                {
                    writer.WriteString("last_send", Format(DateTimeOffset.FromUnixTimeMilliseconds(file.LastSendUnixMs)));
                }
                else
                {
                    writer.WriteNull("last_send");
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
