namespace LogPipeline.Parsers.Ecs;

/// <summary>
/// Writes an ECS time the way <c>yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'</c> does in UTC (trailing zeros of the fraction
/// dropped, no dot when it is zero), by hand: every stored event carries two of them, and the general formatter
/// parses its pattern each time.
/// </summary>
internal static class EcsTimestampFormat
{
    /// <summary>Characters needed at most: <c>2026-11-22T10:58:01.1234567Z</c>.</summary>
    public const int MaxLength = 28;

    /// <summary>Writes <paramref name="value"/> into <paramref name="text"/> (at least <see cref="MaxLength"/> long); returns the length.</summary>
    public static int Format(DateTimeOffset value, Span<char> text)
    {
        var utc = value.UtcDateTime;
        Digits(text[..4], utc.Year);
        text[4] = '-';
        Digits(text.Slice(5, 2), utc.Month);
        text[7] = '-';
        Digits(text.Slice(8, 2), utc.Day);
        text[10] = 'T';
        Digits(text.Slice(11, 2), utc.Hour);
        text[13] = ':';
        Digits(text.Slice(14, 2), utc.Minute);
        text[16] = ':';
        Digits(text.Slice(17, 2), utc.Second);
        var length = 19;
        var fraction = (int)(utc.Ticks % TimeSpan.TicksPerSecond);
        if (fraction != 0)
        {
            var digits = 7;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            text[length++] = '.';
            Digits(text.Slice(length, digits), fraction);
            length += digits;
        }

        text[length++] = 'Z';
        return length;
    }

    private static void Digits(Span<char> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
