using LogPipeline.Parsers.Ecs;
using LogPipeline.Parsers.Text;

namespace LogPipeline.Parsers.Formats;

/// <summary>What a syslog header said: where the body starts, the program, and the stamp's offset when it had one.</summary>
internal readonly record struct SyslogHeaderInfo(int BodyStart, string? Program, TimeSpan? Offset);

/// <summary>
/// Reads the syslog envelope other formats sit inside: RFC 5424 (<c>&lt;134&gt;1 2026-11-22T08:00:00Z host app
/// procid msgid [sd] msg</c>), RFC 3164 on the wire (<c>&lt;134&gt;Nov 22 08:00:00 host tag[pid]: msg</c>) and as
/// rsyslog writes files (no PRI; a BSD or an RFC 3339 stamp). Fills <c>log.syslog.*</c>, <c>host.hostname</c>,
/// <c>process.name</c>, <c>process.pid</c> and the event time.
/// </summary>
internal static class SyslogHeader
{
    public static bool TryParse(string text, EcsDocument document, ParserOptions options, out SyslogHeaderInfo info)
    {
        info = default;
        var p = 0;
        var priority = -1;
        if (text.Length > 2 && text[0] == '<')
        {
            var close = text.IndexOf('>', 1);
            priority = close is > 1 and <= 4 ? (int)FieldText.Number(text.AsSpan(1, close - 1)) : -1;
            if (priority is < 0 or > 191)
            {
                return false;
            }

            p = close + 1;
        }

        var ok = p + 2 < text.Length && text[p] == '1' && text[p + 1] == ' '
            ? Rfc5424.TryParse(text, p + 2, document, options, out info)
            : TryParse3164(text, p, document, options, out info);
        if (ok && priority >= 0)
        {
            SetPriority(document, priority);
        }

        return ok;
    }

    private static bool TryParse3164(string text, int p, EcsDocument document, ParserOptions options, out SyslogHeaderInfo info)
    {
        info = default;
        var rest = text.AsSpan(p);
        DateTimeOffset time;
        TimeSpan? offset = null;
        int stampEnd;
        if (rest.Length > 16 && rest[3] == ' ' && Timestamps.TrySyslog(rest[..15], options.DefaultTimeZone, options.Clock, out time))
        {
            stampEnd = p + 15;
        }
        else if (Timestamps.TryIso(rest, options.DefaultTimeZone, out time, out var isoEnd, out var hasOffset) && isoEnd < rest.Length && rest[isoEnd] == ' ')
        {
            stampEnd = p + isoEnd;
            offset = hasOffset ? time.Offset : null;
        }
        else
        {
            return false;
        }

        // "host tag[pid]: msg", or "tag[pid]: msg" when the sender left out its host name (HAProxy does).
        var tokenStart = stampEnd + 1;
        var tokenEnd = text.IndexOf(' ', tokenStart);
        if (tokenEnd < 0)
        {
            tokenEnd = text.Length;
        }

        var first = text.AsSpan(tokenStart, tokenEnd - tokenStart);
        var tagStart = tokenStart;
        if (first.Length > 0 && first[^1] != ':' && !first.Contains('['))
        {
            document.Set("host.hostname", first.ToString());
            tagStart = Math.Min(tokenEnd + 1, text.Length);
        }

        var (program, bodyStart) = ReadTag(text, tagStart, document);
        document.Timestamp = time;
        info = new SyslogHeaderInfo(bodyStart, program, offset);
        return true;
    }

    /// <summary>"prog[pid]: " or "prog: "; without a tag the body starts at <paramref name="start"/>.</summary>
    private static (string? Program, int BodyStart) ReadTag(string text, int start, EcsDocument document)
    {
        var colon = text.IndexOf(": ", start, StringComparison.Ordinal);
        var end = colon < 0 && text.EndsWith(':') ? text.Length - 1 : colon;
        if (end <= start || text.AsSpan(start, end - start).ContainsAny(' ', '\t'))
        {
            return (null, start);
        }

        var tag = text.AsSpan(start, end - start);
        var bracket = tag.IndexOf('[');
        string program;
        if (bracket > 0 && tag[^1] == ']')
        {
            program = tag[..bracket].ToString();
            var pid = FieldText.Number(tag[(bracket + 1)..^1]);
            if (pid >= 0)
            {
                document.Set("process.pid", pid);
            }
        }
        else
        {
            program = tag.ToString();
        }

        document.Set("process.name", program);
        return (program, Math.Min(end + 2, text.Length));
    }

    internal static void SetPriority(EcsDocument document, int priority)
    {
        document.Set("log.syslog.priority", (long)priority);
        document.Set("log.syslog.facility.code", (long)(priority / 8));
        document.Set("log.syslog.severity.code", (long)(priority % 8));
        document.Set("log.syslog.severity.name", SeverityNames[priority % 8]);
    }

    private static readonly string[] SeverityNames = ["emergency", "alert", "critical", "error", "warning", "notice", "informational", "debug"];
}
