using LogPipeline.Store.Query;

namespace LogPipeline.Store.Sqlite;

/// <summary>Which <c>events</c> column holds each typed field; other fields are read from the JSONB document.</summary>
internal static class SqliteColumns
{
    private static readonly Dictionary<string, string> Columns = new(StringComparer.Ordinal)
    {
        [QueryFields.Timestamp] = "ts",
        [QueryFields.Message] = "message",
        [QueryFields.HostName] = "host",
        [QueryFields.Dataset] = "dataset",
        [QueryFields.FilePath] = "file_path",
        [QueryFields.SourceIp] = "source_ip",
        [QueryFields.Method] = "method",
        [QueryFields.Status] = "status",
        [QueryFields.Bytes] = "bytes",
        [QueryFields.UrlPath] = "url_path",
        [QueryFields.UrlOriginal] = "url_original",
        [QueryFields.UserAgent] = "user_agent",
        [QueryFields.Offset] = "log_offset",
    };

    /// <summary>The column for <paramref name="field"/>, or null when it lives only in the document.</summary>
    public static string? ColumnOf(string field) => Columns.GetValueOrDefault(field);

    /// <summary>
    /// A SQLite JSON path for a field name already checked by <see cref="QueryFields.IsValidName"/> (so it holds no
    /// quote); each segment is quoted so that '-' and '@' need no special care. Always bound as a parameter.
    /// </summary>
    public static string JsonPath(string field) => "$." + string.Join('.', field.Split('.').Select(s => "\"" + s + "\""));
}
