namespace LogPipeline.Parsers;

/// <summary>Settings shared by every format.</summary>
public sealed class ParserOptions
{
    /// <summary>Zone used for timestamps written without an offset (MySQL, HAProxy syslog stamps). Default: the host's.</summary>
    public TimeZoneInfo DefaultTimeZone { get; init; } = TimeZoneInfo.Local;

    /// <summary>The clock that places year-less syslog stamps ("Nov 22 08:00:00") in the right year.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// How long one grok pattern may spend on one line before the line is kept whole and tagged
    /// <c>_groktimeout</c>: a bound on backtracking, so a hostile line cannot stall the pipeline.
    /// </summary>
    public TimeSpan GrokMatchBudget { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The unit of a bare number after an Apache combined line: one microsecond for <c>%D</c> (the default),
    /// one second for <c>%T</c>, one millisecond for <c>%{ms}T</c>.
    /// </summary>
    public TimeSpan ApacheDurationUnit { get; init; } = TimeSpan.FromTicks(10);

    public static ParserOptions Default { get; } = new();
}
