namespace LogPipeline.Parsers;

/// <summary>Settings shared by every format.</summary>
public sealed class ParserOptions
{
    /// <summary>Zone used for timestamps written without an offset (MySQL, HAProxy syslog stamps). Default: the host's.</summary>
    public TimeZoneInfo DefaultTimeZone { get; init; } = TimeZoneInfo.Local;

    public static ParserOptions Default { get; } = new();
}
