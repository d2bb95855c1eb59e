using System.Globalization;

namespace LogPipeline.Store.Sqlite;

/// <summary>Names and finds the per-day database files: <c>events-yyyy-MM-dd.db</c>, one per UTC day.</summary>
internal static class DayFiles
{
    private const string Prefix = "events-";
    private const string Suffix = ".db";
    private const string DateFormat = "yyyy-MM-dd";

    public static DateOnly DayOf(DateTimeOffset timestamp) => DateOnly.FromDateTime(timestamp.UtcDateTime);

    public static string PathOf(string directory, DateOnly day) =>
        Path.Combine(directory, Prefix + day.ToString(DateFormat, CultureInfo.InvariantCulture) + Suffix);

    /// <summary>The days present in the directory, newest first. Files being created (other suffixes) are skipped.</summary>
    public static List<DateOnly> List(string directory)
    {
        var days = new List<DateOnly>();
        if (!Directory.Exists(directory))
        {
            return days;
        }

        foreach (var path in Directory.EnumerateFiles(directory, Prefix + "*" + Suffix))
        {
            if (TryParse(Path.GetFileName(path), out var day))
            {
                days.Add(day);
            }
        }

        days.Sort((a, b) => b.CompareTo(a));
        return days;
    }

    /// <summary>The days of <paramref name="directory"/> that can hold events in [from, to), newest first.</summary>
    public static List<DateOnly> InRange(string directory, DateTimeOffset from, DateTimeOffset to)
    {
        var days = List(directory);
        if (to <= from)
        {
            days.Clear();
            return days;
        }

        var first = DayOf(from);
        var last = DayOf(to.AddTicks(-1));
        days.RemoveAll(d => d < first || d > last);
        return days;
    }

    public static bool TryParse(string fileName, out DateOnly day)
    {
        day = default;
        return fileName.Length == Prefix.Length + DateFormat.Length + Suffix.Length
            && fileName.StartsWith(Prefix, StringComparison.Ordinal)
            && fileName.EndsWith(Suffix, StringComparison.Ordinal)
            && DateOnly.TryParseExact(
                fileName.AsSpan(Prefix.Length, DateFormat.Length), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
