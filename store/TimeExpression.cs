using System.Globalization;

namespace LogPipeline.Store;

/// <summary>
/// Parses the time expressions people type in Kibana-style pickers: ISO-8601 (<c>2026-11-22T08:00:00Z</c>,
/// <c>2026-11-22</c>; no offset means UTC), <c>now</c>, and <c>now-15m</c> / <c>now+1h</c> with units
/// s, m, h, d, w (case-sensitive <c>M</c> is months, <c>y</c> years).
/// </summary>
public static class TimeExpression
{
    public static bool TryParse(string? text, DateTimeOffset now, out DateTimeOffset value, out string? error)
    {
        value = default;
        error = null;
        var s = text?.Trim() ?? string.Empty;
        if (s.Length == 0)
        {
            error = "empty time: use ISO-8601 (2026-11-22T08:00:00Z) or now-15m";
            return false;
        }

        if (s.StartsWith("now", StringComparison.OrdinalIgnoreCase))
        {
            return TryParseRelative(s, now, out value, out error);
        }

        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
        {
            return true;
        }

        error = $"'{s}' is not a time: use ISO-8601 (2026-11-22T08:00:00Z) or now-15m";
        return false;
    }

    private static bool TryParseRelative(string s, DateTimeOffset now, out DateTimeOffset value, out string? error)
    {
        value = now;
        error = null;
        var rest = s.AsSpan(3);
        if (rest.IsEmpty)
        {
            return true;
        }

        var sign = rest[0] switch { '-' => -1, '+' => 1, _ => 0 };
        if (sign == 0 || rest.Length < 3 || !int.TryParse(rest[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            error = $"'{s}' is not a relative time: use now-15m, now-24h, now-7d";
            return false;
        }

        amount *= sign;
        switch (rest[^1])
        {
            case 's': value = now.AddSeconds(amount); break;
            case 'm': value = now.AddMinutes(amount); break;
            case 'h': value = now.AddHours(amount); break;
            case 'd': value = now.AddDays(amount); break;
            case 'w': value = now.AddDays(7.0 * amount); break;
            case 'M': value = now.AddMonths(amount); break;
            case 'y': value = now.AddYears(amount); break;
            default:
                error = $"'{s}' has an unknown unit '{rest[^1]}': use s, m, h, d, w, M or y";
                return false;
        }

        return true;
    }
}
