using System.Globalization;

namespace LogPipeline.Store.Query;

/// <summary>Reads typed values out of query text: whole numbers and ISO-8601 times (UTC when no offset is given).</summary>
internal static class QueryValues
{
    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ssK",
    ];

    public static bool TryParseLong(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public static bool TryParseDouble(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

    /// <summary>ISO-8601 date or date-time (UTC unless an offset is given), or milliseconds since the Unix epoch.</summary>
    public static bool TryParseTime(string text, out DateTimeOffset value)
    {
        if (text.Length > 0 && text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var millis)
            && millis <= 253_402_300_799_999)
        {
            value = DateTimeOffset.FromUnixTimeMilliseconds(millis);
            return true;
        }

        return DateTimeOffset.TryParseExact(
            text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    /// <summary>Null when <paramref name="value"/> suits the field; otherwise what is wrong and what to type instead.</summary>
    public static string? Check(string field, string value) => QueryFields.KindOf(field) switch
    {
        FieldKind.Number when !TryParseLong(value, out _) =>
            $"{field} holds whole numbers; '{value}' is not one (for a span use a range, e.g. {field}:[400 TO 499]).",
        FieldKind.Time when !TryParseTime(value, out _) =>
            $"{field} holds times; '{value}' is not one (write 2026-11-22, 2026-11-22T10:30:00Z, or milliseconds since 1970).",
        _ => null,
    };
}
