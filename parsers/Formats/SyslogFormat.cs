using LogPipeline.Parsers.Ecs;
using LogPipeline.Parsers.Text;

namespace LogPipeline.Parsers.Formats;

/// <summary><c>syslog</c>: any RFC 3164 or RFC 5424 line; the header becomes fields and the rest <c>message</c>.</summary>
internal sealed class SyslogFormat(ParserOptions options) : ILogFormat
{
    public string Dataset => "syslog";

    public bool Parse(string text, EcsDocument document)
    {
        text = LineText.Trim(text);
        var mark = document.Count;
        var markTime = document.Timestamp;
        if (SyslogHeader.TryParse(text, document, options, out var header))
        {
            document.Set("message", text[header.BodyStart..]);
            document.Set("event.original", text);
            return true;
        }

        document.Truncate(mark, markTime);
        Unparsed.Keep(text, document);
        return false;
    }
}
