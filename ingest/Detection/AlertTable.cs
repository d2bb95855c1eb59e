using System.Globalization;
using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Ingest.Detection;

/// <summary>Renders alerts as an aligned text table, one row per alert, for the back-test.</summary>
internal static class AlertTable
{
    private const int MaxCell = 60;

    private static readonly string[] Header = ["FIRST SEEN (UTC)", "LAST SEEN (UTC)", "RULE", "SOURCE", "COUNT", "HOSTS", "SAMPLE URLS"];

    public static async Task WriteAsync(IReadOnlyList<EcsDocument> alerts, TextWriter output, CancellationToken ct)
    {
        var rows = new List<string[]> { Header };
        rows.AddRange(alerts.Select(Row));
        var widths = Enumerable.Range(0, Header.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            var cells = row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]));
            await output.WriteLineAsync(string.Join("  ", cells).TrimEnd().AsMemory(), ct);
        }
    }

    private static string[] Row(EcsDocument alert) =>
    [
        Time(alert.GetString("event.start")),
        Time(alert.GetString("event.end")),
        alert.GetString("rule.id") ?? "-",
        alert.GetString("source.ip") ?? "-",
        alert.GetLong(AlertFields.Count)?.ToString(CultureInfo.InvariantCulture) ?? "-",
        Cell(alert.GetString(AlertFields.Hosts)),
        Cell(alert.GetString(AlertFields.SampleUrls)),
    ];

    private static string Time(string? iso) =>
        DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : "-";

    private static string Cell(string? text) =>
        string.IsNullOrEmpty(text) ? "-" : text.Length <= MaxCell ? text : string.Concat(text.AsSpan(0, MaxCell - 1), "…");
}
