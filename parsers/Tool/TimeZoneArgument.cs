using System.Globalization;

namespace LogPipeline.Parsers.Tool;

/// <summary>Reads <c>--timezone</c>: an IANA or Windows zone id ("Europe/Paris", "UTC") or a fixed offset ("+02:00").</summary>
internal static class TimeZoneArgument
{
    public static TimeZoneInfo? Resolve(string? text, out string? error)
    {
        error = null;
        if (text is null)
        {
            return null;
        }

        if ((text.StartsWith('+') || text.StartsWith('-'))
            && TimeSpan.TryParseExact(text[1..], ["hh\\:mm", "hhmm", "hh"], CultureInfo.InvariantCulture, out var offset))
        {
            offset = text[0] == '-' ? -offset : offset;
            return TimeZoneInfo.CreateCustomTimeZone(text, offset, text, text);
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(text);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            error = $"--timezone '{text}' is not a known time zone: use an id such as UTC or Europe/Paris, or an offset such as +02:00";
            return null;
        }
    }
}
