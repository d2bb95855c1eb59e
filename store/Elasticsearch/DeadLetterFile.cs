using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LogPipeline.Store.Elasticsearch;

/// <summary>
/// Events Elasticsearch refused for good, one JSON object per line: when, why (the item's error), the HTTP status,
/// the target index, the event id and the whole document, so nothing is lost and each can be fixed and re-sent.
/// </summary>
internal sealed class DeadLetterFile(string path, TimeProvider timeProvider)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly SemaphoreSlim _lock = new(1, 1);

    public string Path => path;

    public async Task AppendAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken)
    {
        if (letters.Count == 0)
        {
            return;
        }

        var text = new StringBuilder();
        foreach (var letter in letters)
        {
            text.Append(Format(letter, timeProvider.GetUtcNow())).Append('\n');
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            await using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
            await stream.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), cancellationToken);
            stream.Flush(flushToDisk: true);
        }
        finally
        {
            _lock.Release();
        }
    }

    public static string Format(DeadLetter letter, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("@timestamp", now.UtcDateTime);
            writer.WriteString("reason", letter.Reason);
            writer.WriteNumber("status", letter.Status);
            writer.WriteString("index", letter.Index);
            writer.WriteString("id", letter.Id);
            writer.WritePropertyName("document");
            WriteDocument(writer, letter.DocumentJson);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The document as JSON when it is JSON, else as a string (it may be exactly what was wrong).</summary>
    private static void WriteDocument(Utf8JsonWriter writer, string documentJson)
    {
        try
        {
            using var document = JsonDocument.Parse(documentJson);
            document.RootElement.WriteTo(writer);
        }
        catch (JsonException)
        {
            writer.WriteStringValue(documentJson);
        }
    }
}

/// <summary>One refused event: why, with which status, where it was going, and the document.</summary>
internal sealed record DeadLetter(string Reason, int Status, string Index, string Id, string DocumentJson);
