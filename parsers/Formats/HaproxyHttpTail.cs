using LogPipeline.Parsers.Ecs;
using LogPipeline.Parsers.Text;

namespace LogPipeline.Parsers.Formats;

/// <summary>The HTTP log after the timers: status, bytes, cookies, termination state, counters, headers, request.</summary>
internal static class HaproxyHttpTail
{
    public static bool TryParse(ref TokenReader tokens, EcsDocument document)
    {
        var status = FieldText.SignedNumber(tokens.Next());
        var bytes = FieldText.SignedNumber(tokens.Next());
        var requestCookie = tokens.Next();
        var responseCookie = tokens.Next();
        var state = tokens.Next();
        if (status is null || bytes is null || state.IsEmpty || !HaproxyMatcher.TryCounters(ref tokens, document))
        {
            return false;
        }

        if (status.Value >= 0)
        {
            document.Set("http.response.status_code", status.Value);
        }

        document.Set("haproxy.bytes_read", bytes.Value);
        SetUnlessDash(document, "haproxy.http.request.captured_cookie", requestCookie);
        SetUnlessDash(document, "haproxy.http.response.captured_cookie", responseCookie);
        document.Set("haproxy.termination_state", state.ToString());
        return TryHeadersAndRequest(ref tokens, document);
    }

    private static bool TryHeadersAndRequest(ref TokenReader tokens, EcsDocument document)
    {
        var line = tokens.Line;
        if (tokens.TryBraced(out var requestStart, out var requestEnd))
        {
            document.Set("haproxy.http.request.captured_headers", line[requestStart..requestEnd]);
            if (tokens.TryBraced(out var responseStart, out var responseEnd))
            {
                document.Set("haproxy.http.response.captured_headers", line[responseStart..responseEnd]);
            }
        }

        if (tokens.AtEnd)
        {
            return true;
        }

        if (tokens.Peek != '"')
        {
            return false;
        }

        // HAProxy encodes quotes inside the request as #22, so the next quote closes it; a long request may be cut.
        var open = tokens.Position;
        var close = line.IndexOf('"', open + 1);
        var end = close < 0 ? line.Length : close;
        document.Set("haproxy.http.request.raw_request_line", line[(open + 1)..end]);
        HttpRequestLine.Set(line, open + 1, end, document);
        return true;
    }

    private static void SetUnlessDash(EcsDocument document, string field, ReadOnlySpan<char> value)
    {
        if (value is not "-" && !value.IsEmpty)
        {
            document.Set(field, value.ToString());
        }
    }
}
