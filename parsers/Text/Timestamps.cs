namespace LogPipeline.Parsers.Text;

/// <summary>Allocation-free parsing of the fixed-layout timestamps the built-in formats write.</summary>
internal static class Timestamps
{
    /// <summary>Month number (1–12) from a three-letter English abbreviation, any case; 0 when unknown.</summary>
    public static int Month(ReadOnlySpan<char> s)
    {
        if (s.Length < 3)
        {
            return 0;
        }

        var key = (char.ToLowerInvariant(s[0]) << 16) | (char.ToLowerInvariant(s[1]) << 8) | char.ToLowerInvariant(s[2]);
        return key switch
        {
            ('j' << 16) | ('a' << 8) | 'n' => 1,
            ('f' << 16) | ('e' << 8) | 'b' => 2,
            ('m' << 16) | ('a' << 8) | 'r' => 3,
            ('a' << 16) | ('p' << 8) | 'r' => 4,
            ('m' << 16) | ('a' << 8) | 'y' => 5,
            ('j' << 16) | ('u' << 8) | 'n' => 6,
            ('j' << 16) | ('u' << 8) | 'l' => 7,
            ('a' << 16) | ('u' << 8) | 'g' => 8,
            ('s' << 16) | ('e' << 8) | 'p' => 9,
            ('o' << 16) | ('c' << 8) | 't' => 10,
            ('n' << 16) | ('o' << 8) | 'v' => 11,
            ('d' << 16) | ('e' << 8) | 'c' => 12,
            _ => 0,
        };
    }

    /// <summary>Digits at <paramref name="start"/>..+<paramref name="count"/>; a leading space counts as 0 (space-padded hours).</summary>
    public static int Digits(ReadOnlySpan<char> s, int start, int count)
    {
        if (start < 0 || start + count > s.Length)
        {
            return -1;
        }

        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = s[i] - '0';
            if ((uint)d > 9)
            {
                if (s[i] == ' ' && i == start && count > 1)
                {
                    continue;
                }

                return -1;
            }

            value = (value * 10) + d;
        }

        return value;
    }

    /// <summary>Fraction digits after a '.' or ',' at <paramref name="start"/>, as ticks; <paramref name="end"/> is after them.</summary>
    public static long FractionTicks(ReadOnlySpan<char> s, int start, out int end)
    {
        end = start;
        if (start >= s.Length || (s[start] != '.' && s[start] != ','))
        {
            return 0;
        }

        long ticks = 0;
        var scale = TimeSpan.TicksPerSecond;
        var i = start + 1;
        for (; i < s.Length && (uint)(s[i] - '0') <= 9; i++)
        {
            scale /= 10;
            ticks += (s[i] - '0') * scale;
        }

        end = i;
        return ticks;
    }

    /// <summary>Builds a wall-clock time, or false when a part is out of range.</summary>
    public static bool TryCreate(int year, int month, int day, int hour, int minute, int second, long fractionTicks, out DateTime value)
    {
        value = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 60)
        {
            return false;
        }

        // A leap second (":60") is folded into the next second, as Elasticsearch does.
        value = new DateTime(year, month, day, hour, minute, Math.Min(second, 59), DateTimeKind.Unspecified).AddTicks(fractionTicks + (second == 60 ? TimeSpan.TicksPerSecond : 0));
        return true;
    }

    /// <summary>A wall-clock time in <paramref name="zone"/> as an instant (ambiguous times take the standard offset).</summary>
    public static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone)
    {
        if (zone == TimeZoneInfo.Utc)
        {
            return new DateTimeOffset(local, TimeSpan.Zero);
        }

        var offset = zone.IsInvalidTime(local) ? zone.BaseUtcOffset : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>A zone offset "+hhmm", "+hh:mm", "+hh" or "Z" at <paramref name="start"/>; <paramref name="end"/> after it.</summary>
    public static bool TryOffset(ReadOnlySpan<char> s, int start, out TimeSpan offset, out int end)
    {
        offset = TimeSpan.Zero;
        end = start;
        if (start >= s.Length)
        {
            return false;
        }

        if (s[start] == 'Z')
        {
            end = start + 1;
            return true;
        }

        if (s[start] != '+' && s[start] != '-')
        {
            return false;
        }

        var hours = Digits(s, start + 1, 2);
        var i = start + 3;
        var minutes = 0;
        if (i < s.Length && s[i] == ':')
        {
            i++;
        }

        if (i + 2 <= s.Length && (uint)(s[i] - '0') <= 9)
        {
            minutes = Digits(s, i, 2);
            i += 2;
        }

        if (hours is < 0 or > 14 || minutes is < 0 or > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (s[start] == '-')
        {
            offset = -offset;
        }

        end = i;
        return true;
    }

    /// <summary>"22/Nov/2026:08:00:00 +0100" (Apache, nginx) or, without zone, "22/Nov/2026:08:00:00.123" (HAProxy).</summary>
    public static bool TryHttpDate(ReadOnlySpan<char> s, TimeZoneInfo defaultZone, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 20 || s[2] != '/' || s[6] != '/' || s[11] != ':' || s[14] != ':' || s[17] != ':')
        {
            return false;
        }

        var fraction = FractionTicks(s, 20, out var end);
        if (!TryCreate(Digits(s, 7, 4), Month(s.Slice(3, 3)), Digits(s, 0, 2), Digits(s, 12, 2), Digits(s, 15, 2), Digits(s, 18, 2), fraction, out var local))
        {
            return false;
        }

        if (end == s.Length)
        {
            value = InZone(local, defaultZone);
            return true;
        }

        if (s[end] != ' ' || !TryOffset(s, end + 1, out var offset, out var after) || after != s.Length)
        {
            return false;
        }

        value = new DateTimeOffset(local, offset);
        return true;
    }

    /// <summary>"2026-11-22T08:00:00.123456Z", "2026-11-22 08:00:00", "2026-11-22  8:00:00" (MariaDB pads hours with a space).</summary>
    public static bool TryIso(ReadOnlySpan<char> s, TimeZoneInfo defaultZone, out DateTimeOffset value, out int end) =>
        TryIso(s, defaultZone, out value, out end, out _);

    /// <summary>As above; <paramref name="hasOffset"/> tells whether the stamp carried its own offset.</summary>
    public static bool TryIso(ReadOnlySpan<char> s, TimeZoneInfo defaultZone, out DateTimeOffset value, out int end, out bool hasOffset)
    {
        value = default;
        hasOffset = false;
        end = 0;
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' '))
        {
            return false;
        }

        // "2026-11-22  8:00:00": the hour is space-padded, shifting nothing (the pad replaces the tens digit).
        var h = 11;
        if (s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        var fraction = FractionTicks(s, 19, out end);
        if (!TryCreate(Digits(s, 0, 4), Digits(s, 5, 2), Digits(s, 8, 2), Digits(s, h, 2), Digits(s, 14, 2), Digits(s, 17, 2), fraction, out var local))
        {
            return false;
        }

        if (end < s.Length && (s[end] == 'Z' || s[end] == '+' || s[end] == '-') && TryOffset(s, end, out var offset, out var after))
        {
            end = after;
            value = new DateTimeOffset(local, offset);
            hasOffset = true;
            return true;
        }

        value = InZone(local, defaultZone);
        return true;
    }

    /// <summary>"261122  8:00:00" or "261122 08:00:00" (MySQL 5.5, MariaDB before 10.1 and its slow log): YYMMDD, hour maybe space-padded.</summary>
    public static bool TryShortDate(ReadOnlySpan<char> s, TimeZoneInfo defaultZone, out DateTimeOffset value, out int end)
    {
        value = default;
        end = 0;
        if (s.Length < 15 || s[6] != ' ' || s[9] != ':' || s[12] != ':')
        {
            return false;
        }

        var year = Digits(s, 0, 2);
        if (year < 0 || !TryCreate(2000 + year, Digits(s, 2, 2), Digits(s, 4, 2), Digits(s, 7, 2), Digits(s, 10, 2), Digits(s, 13, 2), 0, out var local))
        {
            return false;
        }

        end = 15;
        value = InZone(local, defaultZone);
        return true;
    }

    /// <summary>"Nov 22 08:00:00" or "Nov  2 08:00:00" (RFC 3164): the year is the one that puts the time nearest to now.</summary>
    public static bool TrySyslog(ReadOnlySpan<char> s, TimeZoneInfo defaultZone, TimeProvider clock, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 15 || s[3] != ' ' || s[9] != ':' || s[12] != ':')
        {
            return false;
        }

        var month = Month(s[..3]);
        var day = Digits(s, 4, 2);
        var now = clock.GetUtcNow();
        var year = now.ToOffset(defaultZone.GetUtcOffset(now)).Year;

        // The stamp has no year: take the one that does not put the event more than two days in the future (a
        // December line read in January is last year's).
        if (month == 2 && day == 29 && !DateTime.IsLeapYear(year))
        {
            year--;
        }

        if (!TryCreate(year, month, day, Digits(s, 7, 2), Digits(s, 10, 2), Digits(s, 13, 2), 0, out var local))
        {
            return false;
        }

        if (InZone(local, defaultZone) > now.AddDays(2) && !(month == 2 && day == 29))
        {
            local = local.AddYears(-1);
        }

        value = InZone(local, defaultZone);
        return true;
    }
}
