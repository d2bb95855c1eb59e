using LogPipeline.Parsers.Ecs;
using LogPipeline.Parsers.Text;

namespace LogPipeline.Parsers.Formats;

/// <summary>
/// <c>nginx.error</c>: <c>2026/11/22 08:00:00 [error] 1234#1234: *5 message, client: 10.0.0.1, server: x</c>.
/// The stamp has no zone: <see cref="ParserOptions.DefaultTimeZone"/> applies.
/// </summary>
internal sealed class NginxErrorFormat(ParserOptions options) : GrokBackedFormat(options,
    @"^(?<_time>[0-9]{4}/[0-9]{2}/[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}) \[%{LOGLEVEL:log.level}\] %{POSINT:process.pid:int}#%{NONNEGINT:process.thread.id:int}: (?:\*%{NONNEGINT:nginx.error.connection_id:int} )?%{GREEDYDATA:message}$")
{
    private const string ClientMark = ", client: ";

    public override string Dataset => "nginx.error";

    protected override bool Complete(Captures captures, string text, EcsDocument document)
    {
        var s = captures["_time"];
        if (!Timestamps.TryCreate(Timestamps.Digits(s, 0, 4), Timestamps.Digits(s, 5, 2), Timestamps.Digits(s, 8, 2), Timestamps.Digits(s, 11, 2), Timestamps.Digits(s, 14, 2), Timestamps.Digits(s, 17, 2), 0, out var local))
        {
            return false;
        }

        document.Timestamp = Timestamps.InZone(local, Options.DefaultTimeZone);
        var client = text.IndexOf(ClientMark, StringComparison.Ordinal);
        if (client > 0)
        {
            var start = client + ClientMark.Length;
            var end = text.IndexOf(',', start);
            var address = text.AsSpan(start, (end < 0 ? text.Length : end) - start);
            if (FieldText.IsIp(address))
            {
                FieldText.SetAddress(document, "source", address.ToString());
            }
        }

        document.Set("event.original", text);
        return true;
    }
}
