using System.Globalization;

namespace LogPipeline.Parsers.Text;

/// <summary>Reads a timestamp a user's grok pattern captured as <c>@timestamp</c>, whatever common shape it has.</summary>
internal static class FlexibleTimestamp
{
    private static readonly string[] LocalFormats =
    [
        "ddd MMM dd HH:mm:ss.FFFFFFF yyyy",
        "ddd MMM d HH:mm:ss.FFFFFFF yyyy",
        "yyyy/MM/dd HH:mm:ss",
        "MM/dd/yyyy HH:mm:ss",
        "dd/MM/yyyy HH:mm:ss",
    ];

    public static bool TryParse(ReadOnlySpan<char> s, ParserOptions options, out DateTimeOffset value)
    {
        s = s.Trim();
        if (Timestamps.TryHttpDate(s, options.DefaultTimeZone, out value))
        {
            return true;
        }

        if (Timestamps.TryIso(s, options.DefaultTimeZone, out value, out var end) && end == s.Length)
        {
            return true;
        }

        if (Timestamps.TryShortDate(s, options.DefaultTimeZone, out value, out end) && end == s.Length)
        {
            return true;
        }

        if (s.Length == 15 && Timestamps.TrySyslog(s, options.DefaultTimeZone, options.Clock, out value))
        {
            return true;
        }

        if (DateTime.TryParseExact(s, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            value = Timestamps.InZone(local, options.DefaultTimeZone);
            return true;
        }

        if (long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var epochSeconds) && epochSeconds < 100_000_000_000)
        {
            value = DateTimeOffset.FromUnixTimeSeconds(epochSeconds);
            return true;
        }

        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }
}
