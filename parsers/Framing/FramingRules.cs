namespace LogPipeline.Parsers.Framing;

/// <summary>The multi-line framing preset of each format, as data the shipper uses.</summary>
public static class FramingRules
{
    /// <summary>The preset for <paramref name="dataset"/>, or null when its events are single lines.</summary>
    public static MultilineRule? For(string dataset) => dataset switch
    {
        // A slow-log record starts at "# Time:" or, for records without one, at "# User@Host:"; a "# User@Host:" right
        // after "# Time:" continues the record. The server's start-up banner ("… Version: … started with:") is an event
        // of its own, so it does not end up inside the previous record's query.
        "mysql.slowlog" => new MultilineRule(@"^(# (Time|User@Host): |\S+, Version: .* started with:)", 500, 1 << 20, TimeSpan.FromSeconds(2))
        {
            JoinNextPattern = "^# Time: ",
        },
        // Error-log entries start with a date ("2026-11-22 08:00:00", "2026-11-22T08:00:00.123456Z" or "261122  8:00:00").
        "mysql.error" => new MultilineRule(@"^(\d{4}-\d{2}-\d{2}[ T][ \d]\d:|\d{6} [ \d]\d:)", 200, 256 * 1024, TimeSpan.FromSeconds(2)),
        _ => null,
    };
}
