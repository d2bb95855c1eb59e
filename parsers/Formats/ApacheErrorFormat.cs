using LogPipeline.Parsers.Ecs;
using LogPipeline.Parsers.Text;

namespace LogPipeline.Parsers.Formats;

/// <summary>
/// <c>apache.error</c>: Apache 2.4 (<c>[time] [module:level] [pid N:tid M] [client ip:port] AHnnnnn: message</c>)
/// and 2.2 (<c>[time] [level] [client ip] message</c>); a trailing ", referer: URL" (PHP messages) becomes
/// <c>http.request.referrer</c>. The stamp has no zone: <see cref="ParserOptions.DefaultTimeZone"/> applies.
/// </summary>
internal sealed class ApacheErrorFormat(ParserOptions options) : GrokBackedFormat(options,
    @"^\[(?<_time>[^\]]{24,40})\] \[(?:%{WORD:apache.error.module}:)?%{WORD:log.level}\](?: \[pid %{POSINT:process.pid:int}(?::tid %{INT:process.thread.id:int})?\])?(?: (?<_prefix>(?:[\w.-]+\([0-9]+\): )?(?:\(-?[0-9]+\)[^\[]*?: )?))?(?:\[client %{DATA:_client}\] )?%{GREEDYDATA:_message}$")
{
    private const string RefererMark = ", referer: ";

    public override string Dataset => "apache.error";

    protected override bool Complete(Captures captures, string text, EcsDocument document)
    {
        if (!TryTime(captures["_time"], Options.DefaultTimeZone, out var time))
        {
            return false;
        }

        document.Timestamp = time;
        var client = captures["_client"];
        if (!client.IsEmpty)
        {
            SetClient(client, document);
        }

        var message = captures["_message"];
        var referer = message.LastIndexOf(RefererMark);
        if (referer > 0)
        {
            document.Set("http.request.referrer", message[(referer + RefererMark.Length)..].ToString());
            message = message[..referer];
        }

        if (message.Length > 8 && message.StartsWith("AH") && message[7] == ':' && FieldText.Number(message[2..7]) >= 0)
        {
            document.Set("error.code", message[..7].ToString());
        }

        // An OS error or a source position ("(70007)The timeout specified has expired: ") comes before the client.
        var prefix = captures["_prefix"];
        document.Set("message", prefix.IsEmpty ? message.ToString() : string.Concat(prefix, message));
        document.Set("event.original", text);
        return true;
    }

    /// <summary>"127.0.0.1:54321", "::1:54321" (2.4 puts the port after the last colon) or "127.0.0.1" (2.2).</summary>
    private static void SetClient(ReadOnlySpan<char> client, EcsDocument document)
    {
        var colon = client.LastIndexOf(':');
        var port = colon > 0 ? FieldText.Number(client[(colon + 1)..]) : -1;
        if (port >= 0 && FieldText.IsIp(client[..colon]) && (client.Count(':') == 1 || client[..colon].Contains(':')))
        {
            FieldText.SetAddress(document, "source", client[..colon].ToString());
            document.Set("source.port", port);
            return;
        }

        FieldText.SetAddress(document, "source", client.ToString());
    }

    /// <summary>"Sun Nov 22 08:21:37.216248 2026" or "Sun Nov 22 08:21:37 2026".</summary>
    private static bool TryTime(ReadOnlySpan<char> s, TimeZoneInfo zone, out DateTimeOffset time)
    {
        time = default;
        if (s.Length < 24 || s[3] != ' ' || s[7] != ' ' || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        var fraction = Timestamps.FractionTicks(s, 19, out var end);
        if (end + 5 != s.Length || s[end] != ' '
            || !Timestamps.TryCreate(Timestamps.Digits(s, end + 1, 4), Timestamps.Month(s.Slice(4, 3)), Timestamps.Digits(s, 8, 2), Timestamps.Digits(s, 11, 2), Timestamps.Digits(s, 14, 2), Timestamps.Digits(s, 17, 2), fraction, out var local))
        {
            return false;
        }

        time = Timestamps.InZone(local, zone);
        return true;
    }
}
