using System.Buffers;
using System.Text;
using System.Text.Json;

namespace LogPipeline.Parsers.Ecs;

/// <summary>
/// One reusable buffer and JSON writer per thread for <see cref="EcsDocument.ToJson"/>: serialising a stored event
/// then allocates only its string. A buffer grown past <see cref="KeepBytes"/> by a huge event is let go afterwards.
/// </summary>
internal static class JsonScratch
{
    private const int KeepBytes = 256 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static string ToJson(EcsDocument document, JsonWriterOptions options)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        var writer = t_writer ??= new Utf8JsonWriter(buffer, options);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        try
        {
            document.WriteTo(writer);
            writer.Flush();
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            if (buffer.Capacity > KeepBytes)
            {
                t_buffer = null;
                t_writer = null;
            }
        }
    }
}
