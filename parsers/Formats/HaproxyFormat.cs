using LogPipeline.Parsers.Ecs;
using LogPipeline.Parsers.Text;

namespace LogPipeline.Parsers.Formats;

/// <summary>
/// <c>haproxy.log</c>: the HTTP log, the TCP log, the default "Connect from" format and HAProxy's own messages, with
/// the syslog header rsyslog writes (RFC 3164 or RFC 3339 stamps), an RFC 5424 header, or none.
/// </summary>
internal sealed class HaproxyFormat(ParserOptions options) : ILogFormat
{
    public string Dataset => "haproxy.log";

    public bool Parse(string text, EcsDocument document)
    {
        text = LineText.Trim(text);
        var mark = document.Count;
        var markTime = document.Timestamp;
        var body = 0;
        string? program = null;
        TimeSpan? offset = null;
        if (SyslogHeader.TryParse(text, document, options, out var header))
        {
            (body, program, offset) = header;
        }
        else
        {
            // A header that failed half-way (bad structured data) leaves nothing behind.
            document.Truncate(mark, markTime);
        }

        var afterHeader = document.Count;
        var headerTime = document.Timestamp;
        if (HaproxyMatcher.TryParse(text, body, document, options.DefaultTimeZone, offset))
        {
            document.Set("message", text);
            return true;
        }

        document.Truncate(afterHeader, headerTime);

        // HAProxy's own notices ("Proxy fe_http stopped …", "Server be/s1 is DOWN …") under its syslog tag.
        if (program is not null && program.StartsWith("haproxy", StringComparison.Ordinal) && body < text.Length)
        {
            document.Set("message", text[body..]);
            document.Set("event.original", text);
            return true;
        }

        document.Truncate(mark, markTime);
        Unparsed.Keep(text, document);
        return false;
    }
}
