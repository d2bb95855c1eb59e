using System.Globalization;
using System.Text.Json;
using LogPipeline.QueryUi.Hosting;

namespace LogPipeline.QueryUi.Hosts;

/// <summary>Reads every shipper heartbeat in <c>&lt;data-dir&gt;/hosts/</c>. A file that does not parse becomes a heartbeat carrying the problem.</summary>
internal sealed class HeartbeatReader(QueryUiOptions options)
{
    private const long MaxBytes = 1024 * 1024;

    public IReadOnlyList<Heartbeat> ReadAll()
    {
        var directory = Path.Combine(options.DataDir, "hosts");
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(Read).ToList();
    }

    private static Heartbeat Read(string path)
    {
        var host = Path.GetFileNameWithoutExtension(path);
        try
        {
            if (new FileInfo(path).Length > MaxBytes)
            {
                return new Heartbeat(host, null, null, [], $"heartbeat file larger than {MaxBytes} bytes");
            }

            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var files = root.TryGetProperty("files", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.Object).Select(ReadFile).ToList()
                : [];
            return new Heartbeat(Text(root, "host") ?? host, Text(root, "agent_version"), Time(root, "received_at"), files, null);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return new Heartbeat(host, null, null, [], $"unreadable heartbeat: {e.Message}");
        }
    }

    private static HeartbeatFile ReadFile(JsonElement file) =>
        new(Text(file, "path") ?? "?", Number(file, "size"), Number(file, "acked_offset"), Number(file, "lag_bytes"), Text(file, "last_error"), Time(file, "last_send"));

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : 0;

    private static DateTimeOffset? Time(JsonElement element, string name) =>
        Text(element, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
