using System.Globalization;

namespace LogPipeline.Store.Sqlite;

/// <summary>
/// Position after the last hit of a page: its time and rowid. Day files partition time, so the time alone says which
/// file the rowid belongs to; hits are ordered by (ts DESC, rowid DESC) within and across files.
/// </summary>
internal readonly record struct KeysetCursor(long Nanos, long RowId)
{
    private const string Prefix = "s1.";

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Nanos}.{RowId}");

    public static KeysetCursor? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var parts = text.StartsWith(Prefix, StringComparison.Ordinal) ? text[Prefix.Length..].Split('.') : [];
        if (parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var nanos)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rowId))
        {
            return new KeysetCursor(nanos, rowId);
        }

        throw new QuerySyntaxException(
            $"The cursor '{text}' was not issued by this SQLite store; drop it to start again from the first page.", 0);
    }
}
