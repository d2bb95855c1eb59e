using LogPipeline.Parsers.Ecs;
using LogPipeline.Parsers.Text;

namespace LogPipeline.Parsers.Formats;

/// <summary>The part of an RFC 5424 header after "&lt;PRI&gt;1 ": stamp, host, app, procid, msgid, structured data.</summary>
internal static class Rfc5424
{
    public static bool TryParse(string text, int p, EcsDocument document, ParserOptions options, out SyslogHeaderInfo info)
    {
        info = default;
        Span<int> ends = stackalloc int[5];
        var start = p;
        for (var i = 0; i < 5; i++)
        {
            var space = text.IndexOf(' ', p);
            if (space < 0)
            {
                return false;
            }

            ends[i] = space;
            p = space + 1;
        }

        var stamp = text.AsSpan(start, ends[0] - start);
        TimeSpan? offset = null;
        if (stamp is not "-")
        {
            if (!Timestamps.TryIso(stamp, options.DefaultTimeZone, out var time, out var end) || end != stamp.Length)
            {
                return false;
            }

            document.Timestamp = time;
            offset = time.Offset;
        }

        Set(document, "host.hostname", text, ends[0] + 1, ends[1]);
        var program = Set(document, "process.name", text, ends[1] + 1, ends[2]);
        var procId = text.AsSpan(ends[2] + 1, ends[3] - ends[2] - 1);
        if (FieldText.Number(procId) is var pid and >= 0)
        {
            document.Set("process.pid", pid);
        }
        else
        {
            Set(document, "log.syslog.procid", text, ends[2] + 1, ends[3]);
        }

        Set(document, "log.syslog.msgid", text, ends[3] + 1, ends[4]);
        document.Set("log.syslog.version", "1");
        var bodyStart = StructuredDataEnd(text, ends[4] + 1);
        if (bodyStart < 0)
        {
            return false;
        }

        if (bodyStart > ends[4] + 2 || text[ends[4] + 1] != '-')
        {
            document.Set("log.syslog.structured_data", text[(ends[4] + 1)..bodyStart]);
        }

        // The message may start with a UTF-8 BOM and, when relayed from RFC 3164, with the sender's leading space.
        while (bodyStart < text.Length && (text[bodyStart] == ' ' || text[bodyStart] == '\uFEFF'))
        {
            bodyStart++;
        }

        info = new SyslogHeaderInfo(bodyStart, program, offset);
        return true;
    }

    /// <summary>After "-" or one or more "[id k="v" …]" elements (with \] escapes).</summary>
    private static int StructuredDataEnd(string text, int p)
    {
        if (p < text.Length && text[p] == '-')
        {
            return p + 1;
        }

        while (p < text.Length && text[p] == '[')
        {
            var i = p + 1;
            while (i < text.Length && text[i] != ']')
            {
                i += text[i] == '\\' ? 2 : 1;
            }

            if (i >= text.Length)
            {
                return -1;
            }

            p = i + 1;
        }

        return p;
    }

    private static string? Set(EcsDocument document, string field, string text, int start, int end)
    {
        if (end <= start || (end == start + 1 && text[start] == '-'))
        {
            return null;
        }

        var value = text[start..end];
        document.Set(field, value);
        return value;
    }
}
