namespace LogPipeline.Store.Sqlite;

/// <summary>
/// A time range as seen from one day file, in nanoseconds [Low, High), with the whole minutes of the day inside it,
/// [FirstMinute, EndMinute): the part per-minute counts can answer; the rest are the partial minutes at its ends.
/// </summary>
internal readonly record struct DaySpan(long DayStart, long Low, long High, long FirstMinute, long EndMinute)
{
    public bool HasWholeMinutes => FirstMinute < EndMinute;

    /// <summary>[Low, High) with the whole minutes taken out: none, one or two partial ranges.</summary>
    public IEnumerable<TimeRange> Ends
    {
        get
        {
            if (!HasWholeMinutes)
            {
                yield return new TimeRange(Low, High);
                yield break;
            }

            var inner = new TimeRange(DayStart + (FirstMinute * MinuteCounts.MinuteNanos), DayStart + (EndMinute * MinuteCounts.MinuteNanos));
            if (Low < inner.FromNanos)
            {
                yield return new TimeRange(Low, inner.FromNanos);
            }

            if (inner.ToNanos < High)
            {
                yield return new TimeRange(inner.ToNanos, High);
            }
        }
    }

    /// <summary>The part of <paramref name="range"/> in <paramref name="day"/>, or null when they do not meet.</summary>
    public static DaySpan? Of(DateOnly day, TimeRange range)
    {
        var dayStart = EventTime.ToNanos(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var low = Math.Max(range.FromNanos, dayStart);
        var high = Math.Min(range.ToNanos, dayStart + (MinuteCounts.PerDay * MinuteCounts.MinuteNanos));
        if (low >= high)
        {
            return null;
        }

        var firstMinute = (low - dayStart + MinuteCounts.MinuteNanos - 1) / MinuteCounts.MinuteNanos;
        var endMinute = (high - dayStart) / MinuteCounts.MinuteNanos;
        return new DaySpan(dayStart, low, high, firstMinute, Math.Max(firstMinute, endMinute));
    }
}
