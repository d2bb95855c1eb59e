namespace LogPipeline.Parsers.Framing;

/// <summary>
/// How to frame multi-line events of a format: a line matching <see cref="StartPattern"/> (a .NET regex) starts a new
/// event; other lines continue the current one. The event is cut at <see cref="MaxLines"/> lines or
/// <see cref="MaxBytes"/> bytes, and flushed when no new line arrived for <see cref="FlushTimeout"/>.
/// </summary>
public sealed record MultilineRule(string StartPattern, int MaxLines, int MaxBytes, TimeSpan FlushTimeout)
{
    /// <summary>
    /// Optional: when the current event's last line matches this pattern, the next line continues the event even if
    /// it matches <see cref="StartPattern"/>. MySQL writes "# Time:" above the "# User@Host:" line of the same record,
    /// and MariaDB starts records with "# User@Host:" alone when the second has not changed.
    /// </summary>
    public string? JoinNextPattern { get; init; }
}
