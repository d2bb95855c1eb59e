using System.Globalization;

namespace LogPipeline.QueryUi.Search;

/// <summary>
/// The time zone times are shown in (UTC by default), always with their offset. Times typed without an offset are
/// read in this zone, so "03:10" means 03:10 where the reader is.
/// <remarks>Public only because Razor components, which are public, take it as a parameter.</remarks>
public sealed class DisplayZone
{
    public static readonly IReadOnlyList<string> Suggestions =
    [
        "UTC", "Europe/London", "Europe/Paris", "Europe/Berlin", "Europe/Moscow", "America/New_York", "America/Chicago",
        "America/Denver", "America/Los_Angeles", "America/Sao_Paulo", "Asia/Kolkata", "Asia/Shanghai", "Asia/Tokyo", "Australia/Sydney",
    ];

    private DisplayZone(string id, TimeZoneInfo zone)
    {
        Id = id;
        Zone = zone;
    }

    public static DisplayZone Utc { get; } = new("UTC", TimeZoneInfo.Utc);

    public string Id { get; }

    public TimeZoneInfo Zone { get; }

    public static bool TryFind(string? id, out DisplayZone zone, out string? error)
    {
        zone = Utc;
        error = null;
        if (string.IsNullOrWhiteSpace(id) || id.Equals("UTC", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            zone = new DisplayZone(id, TimeZoneInfo.FindSystemTimeZoneById(id));
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            error = $"tz: unknown time zone '{id}' (use an IANA name such as Europe/Paris, or UTC)";
            return false;
        }
    }

    public DateTimeOffset ToZone(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone);

    /// <summary><c>2026-11-22 03:10:00.123 +01:00</c>.</summary>
    public string Format(DateTimeOffset time) => ToZone(time).ToString("yyyy-MM-dd HH:mm:ss.fff zzz", CultureInfo.InvariantCulture);

    /// <summary><c>2026-11-22 03:10:00 +01:00</c>.</summary>
    public string FormatSeconds(DateTimeOffset time) => ToZone(time).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    /// <summary>A time typed without an offset (<c>2026-11-22 03:10</c>), read in this zone; false if the text has an offset or is not a plain date/time.</summary>
    public bool TryParseLocal(string text, out DateTimeOffset value)
    {
        value = default;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind | DateTimeStyles.AllowWhiteSpaces, out var parsed)
            || parsed.Kind != DateTimeKind.Unspecified)
        {
            return false;
        }

        var offset = Zone.IsInvalidTime(parsed) ? Zone.BaseUtcOffset : Zone.GetUtcOffset(parsed);
        value = new DateTimeOffset(parsed, offset).ToUniversalTime();
        return true;
    }
}
