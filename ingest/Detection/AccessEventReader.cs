using System.Runtime.InteropServices;
using LogPipeline.Parsers.Ecs;
using LogPipeline.Store;

namespace LogPipeline.Ingest.Detection;

/// <summary>
/// Reads the fields the rules need from an access event. A format writes its fields in the same order every time, so
/// the reader remembers, per field count, where it last found each one and first checks those positions (a reference
/// comparison of the field name, the names being string literals); only when that fails does it scan every field.
/// Either way the answer is exact. Thread-safe: each remembered layout is an immutable array swapped atomically.
/// </summary>
internal sealed class AccessEventReader
{
    private const int Dataset = 0, Method = 1, Path = 2, Url = 3, Status = 4, Agent = 5, Host = 6;

    private static readonly string[] Names =
        ["event.dataset", "http.request.method", "url.path", "url.original", "http.response.status_code", "user_agent.original", "host.name"];

    private const int Shapes = 64;

    private static readonly int[] Unknown = [-1, -1, -1, -1, -1, -1, -1];

    private readonly int[][] _layouts = [.. Enumerable.Repeat(Unknown, Shapes)];

    public AccessEvent Read(EcsDocument document)
    {
        var fields = FieldsOf(document);
        var shape = fields.Length % Shapes;
        var layout = _layouts[shape];
        if (!Matches(fields, layout))
        {
            Span<int> found = stackalloc int[Names.Length];
            Scan(fields, found);
            if (!found.SequenceEqual(layout))
            {
                layout = found.ToArray();
                _layouts[shape] = layout;
            }
        }

        var url = StringAt(fields, layout[Url]);
        var path = StringAt(fields, layout[Path]) ?? PathOf(url);
        var status = StatusAt(fields, layout[Status]);
        return new AccessEvent(
            StringAt(fields, layout[Dataset]),
            StringAt(fields, layout[Method]),
            path,
            url ?? path,
            status,
            StringAt(fields, layout[Agent]),
            StringAt(fields, layout[Host]));
    }

    /// <summary>
    /// The same fields from a store record's typed columns (<c>http.response.status_code</c> as a number: a record
    /// without a status is read from its document instead, where a status sent as text is found too).
    /// </summary>
    public static AccessEvent FromRecord(LogRecord record)
    {
        var path = record.UrlPath ?? PathOf(record.UrlOriginal);
        return new AccessEvent(record.Dataset, record.Method, path, record.UrlOriginal ?? path, record.Status is > 0 and < 1000 ? record.Status.Value : 0, record.UserAgent, record.Host);
    }

    private static bool Matches(ReadOnlySpan<KeyValuePair<string, EcsValue>> fields, int[] layout)
    {
        for (var i = 0; i < layout.Length; i++)
        {
            var at = layout[i];
            if ((uint)at >= (uint)fields.Length || !ReferenceEquals(fields[at].Key, Names[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A field absent from the last event (-1) cannot be confirmed absent by position: scan.</summary>
    private static void Scan(ReadOnlySpan<KeyValuePair<string, EcsValue>> fields, Span<int> layout)
    {
        layout.Fill(-1);
        for (var f = 0; f < fields.Length; f++)
        {
            var i = Array.IndexOf(Names, fields[f].Key);
            if (i >= 0)
            {
                layout[i] = f;
            }
        }
    }

    private static string? StringAt(ReadOnlySpan<KeyValuePair<string, EcsValue>> fields, int index) =>
        index >= 0 ? fields[index].Value.AsString() : null;

    private static int StatusAt(ReadOnlySpan<KeyValuePair<string, EcsValue>> fields, int index)
    {
        if (index < 0)
        {
            return 0;
        }

        var value = fields[index].Value;
        var status = value.AsLong() ?? (long.TryParse(value.AsString(), out var n) ? n : 0);
        return status is > 0 and < 1000 ? (int)status : 0;
    }

    /// <summary>The fields as a span: no interface call nor struct copy per field, on the path every event takes.</summary>
    private static ReadOnlySpan<KeyValuePair<string, EcsValue>> FieldsOf(EcsDocument document) =>
        document.Fields is List<KeyValuePair<string, EcsValue>> list ? CollectionsMarshal.AsSpan(list) : document.Fields.ToArray();

    private static string? PathOf(string? url)
    {
        if (url is null)
        {
            return null;
        }

        var q = url.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? url : url[..q];
    }
}
