using LogPipeline.Parsers.Ecs;
using LogPipeline.Parsers.Text;

namespace LogPipeline.Parsers.Formats;

/// <summary>
/// The body of an HAProxy log line, with Filebeat's field names. HTTP log:
/// <c>ip:port [date] fe be/srv TR/Tw/Tc/Tr/Ta status bytes cc cs tsc ac/fc/bc/sc/rc sq/bq {hdrs} "request"</c>;
/// TCP log: <c>ip:port [date] fe be/srv Tw/Tc/Tt bytes ts ac/fc/bc/sc/rc sq/bq</c>; default format:
/// <c>Connect from ip:port to ip:port (fe/MODE)</c>; errors: <c>ip:port [date] fe/bind: message</c>.
/// </summary>
internal static class HaproxyMatcher
{
    private static readonly string[] HttpTimers = ["haproxy.http.request.time_wait_ms", "haproxy.total_waiting_time_ms", "haproxy.connection_wait_time_ms", "haproxy.http.request.time_wait_without_data_ms"];
    private static readonly string[] TcpTimers = ["haproxy.total_waiting_time_ms", "haproxy.connection_wait_time_ms"];
    private static readonly string[] Connections = ["haproxy.connections.active", "haproxy.connections.frontend", "haproxy.connections.backend", "haproxy.connections.server", "haproxy.connections.retries"];
    private static readonly string[] Queues = ["haproxy.server_queue", "haproxy.backend_queue"];

    public static bool TryParse(string text, int start, EcsDocument document, TimeZoneInfo zone, TimeSpan? offset)
    {
        if (text.AsSpan(start).StartsWith("Connect from ", StringComparison.Ordinal))
        {
            return HaproxyConnect.TryParse(text, start + 13, document);
        }

        var tokens = new TokenReader(text, start);
        var client = tokens.Next();
        var date = tokens.Next();
        if (!TrySplitHostPort(client, out var ip, out var port) || date.Length < 3 || date[0] != '[' || date[^1] != ']'
            || !Timestamps.TryHttpDate(date[1..^1], offset is null ? zone : TimeZoneInfo.Utc, out var time))
        {
            return false;
        }

        var eventTime = offset is { } o ? new DateTimeOffset(time.DateTime, o) : time;
        var frontend = tokens.Next();
        if (frontend.Length > 1 && frontend[^1] == ':')
        {
            document.Timestamp = eventTime;
            FieldText.SetAddress(document, "source", ip.ToString());
            document.Set("source.port", port);
            return SetError(text, tokens.Position, frontend, document);
        }

        var route = tokens.Next();
        var slash = route.IndexOf('/');
        Span<long> timers = stackalloc long[5];
        var timerCount = Numbers(tokens.Next(), timers);
        if (frontend.IsEmpty || slash <= 0 || timerCount is not (5 or 3))
        {
            return false;
        }

        document.Timestamp = eventTime;
        FieldText.SetAddress(document, "source", ip.ToString());
        document.Set("source.port", port);
        document.Set("haproxy.frontend_name", frontend.ToString());
        document.Set("haproxy.backend_name", route[..slash].ToString());
        document.Set("haproxy.server_name", route[(slash + 1)..].ToString());
        var http = timerCount == 5;
        SetAll(document, http ? HttpTimers : TcpTimers, timers[..(timerCount - 1)]);
        if (timers[timerCount - 1] >= 0)
        {
            document.Set("event.duration", timers[timerCount - 1] * 1_000_000);
        }

        return http ? HaproxyHttpTail.TryParse(ref tokens, document) : TryTcpTail(ref tokens, document);
    }

    private static bool TryTcpTail(ref TokenReader tokens, EcsDocument document)
    {
        var bytes = FieldText.SignedNumber(tokens.Next());
        var state = tokens.Next();
        if (bytes is null || state.IsEmpty || !TryCounters(ref tokens, document))
        {
            return false;
        }

        document.Set("haproxy.bytes_read", bytes.Value);
        document.Set("haproxy.termination_state", state.ToString());
        return true;
    }

    /// <summary>"ac/fc/bc/sc/rc sq/bq", shared by the HTTP and TCP logs.</summary>
    internal static bool TryCounters(ref TokenReader tokens, EcsDocument document)
    {
        Span<long> connections = stackalloc long[5];
        Span<long> queues = stackalloc long[2];
        if (Numbers(tokens.Next(), connections) != 5 || Numbers(tokens.Next(), queues) != 2)
        {
            return false;
        }

        SetAll(document, Connections, connections);
        SetAll(document, Queues, queues);
        return true;
    }

    private static bool SetError(string text, int position, ReadOnlySpan<char> frontend, EcsDocument document)
    {
        var slash = frontend.IndexOf('/');
        document.Set("haproxy.frontend_name", (slash > 0 ? frontend[..slash] : frontend[..^1]).ToString());
        if (slash > 0)
        {
            document.Set("haproxy.bind_name", frontend[(slash + 1)..^1].ToString());
        }

        document.Set("haproxy.error_message", text[Math.Min(position, text.Length)..]);
        return true;
    }

    internal static bool TrySplitHostPort(ReadOnlySpan<char> s, out ReadOnlySpan<char> host, out long port)
    {
        var colon = s.LastIndexOf(':');
        host = colon > 0 ? s[..colon] : default;
        if (host.Length > 2 && host[0] == '[' && host[^1] == ']')
        {
            host = host[1..^1];
        }

        port = colon > 0 ? FieldText.Number(s[(colon + 1)..]) : -1;
        return port >= 0 && FieldText.IsIp(host);
    }

    /// <summary>Slash-separated signed numbers ("0/-1/+3"); the count read, or -1 when one is not a number or there are too many.</summary>
    private static int Numbers(ReadOnlySpan<char> s, Span<long> values)
    {
        var count = 0;
        foreach (var range in s.Split('/'))
        {
            if (count == values.Length || FieldText.SignedNumber(s[range]) is not { } value)
            {
                return -1;
            }

            values[count++] = value;
        }

        return count;
    }

    private static void SetAll(EcsDocument document, string[] fields, ReadOnlySpan<long> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            document.Set(fields[i], values[i]);
        }
    }
}
