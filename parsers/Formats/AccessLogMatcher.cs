using LogPipeline.Parsers.Ecs;
using LogPipeline.Parsers.Text;

namespace LogPipeline.Parsers.Formats;

/// <summary>
/// Hand-written matcher for the NCSA access-log family Apache and nginx write: common, combined,
/// vhost_combined ("host:port" first) and a trailing duration. One pass over the line, no regex, no backtracking.
/// </summary>
internal static class AccessLogMatcher
{
    /// <param name="identityField">Where a non-"-" <c>%l</c> goes (null: the format has no identity column).</param>
    public static bool TryParse(string text, EcsDocument document, ParserOptions options, string? identityField)
    {
        var open = text.IndexOf(" [", StringComparison.Ordinal);
        var close = open < 0 ? -1 : text.IndexOf(']', open);
        if (close < 0 || !Timestamps.TryHttpDate(text.AsSpan(open + 2, close - open - 2), options.DefaultTimeZone, out var time))
        {
            return false;
        }

        // Up to the date: "client ident user", or "vhost[:port] client ident user".
        Span<Range> heads = stackalloc Range[5];
        var count = text.AsSpan(0, open).Split(heads, ' ');
        if (count is < 3 or > 4 || close + 2 >= text.Length || text[close + 1] != ' ' || text[close + 2] != '"')
        {
            return false;
        }

        var requestEnd = FieldText.ClosingQuote(text, close + 2);
        if (requestEnd < 0 || requestEnd + 1 >= text.Length || text[requestEnd + 1] != ' ')
        {
            return false;
        }

        // Status and bytes: "200 512", "200 -".
        var p = requestEnd + 2;
        var statusEnd = IndexOfSpaceOrEnd(text, p);
        var status = FieldText.Number(text.AsSpan(p, statusEnd - p));
        if (status < 0 || statusEnd >= text.Length)
        {
            return false;
        }

        var bytesEnd = IndexOfSpaceOrEnd(text, statusEnd + 1);
        var bytesText = text.AsSpan(statusEnd + 1, bytesEnd - statusEnd - 1);
        var bytes = FieldText.Number(bytesText);
        if (bytes < 0 && bytesText is not "-")
        {
            return false;
        }

        document.Timestamp = time;
        document.Set("message", text);
        var first = 0;
        if (count == 4)
        {
            SetVirtualHost(text, heads[0], document);
            first = 1;
        }

        FieldText.SetAddress(document, "source", text[heads[first]]);
        var ident = text.AsSpan(heads[first + 1]);
        if (identityField is not null && ident is not "-")
        {
            document.Set(identityField, ident.ToString());
        }

        var user = text.AsSpan(heads[first + 2]);
        if (user is not "-")
        {
            document.Set("user.name", user.ToString());
        }

        HttpRequestLine.Set(text, close + 3, requestEnd, document);
        document.Set("http.response.status_code", status);
        if (bytes >= 0)
        {
            document.Set("http.response.body.bytes", bytes);
        }

        SetTail(text, bytesEnd, document, options);
        return true;
    }

    /// <summary>After the bytes: ' "referrer" "user agent"', then maybe a duration (%D, %T, nginx $request_time).</summary>
    private static void SetTail(string text, int p, EcsDocument document, ParserOptions options)
    {
        if (p + 1 < text.Length && text[p + 1] == '"')
        {
            var end = FieldText.ClosingQuote(text, p + 1);
            if (end < 0)
            {
                return;
            }

            SetQuoted(text, p + 2, end, "http.request.referrer", document);
            p = end + 1;
            if (p + 1 < text.Length && text[p] == ' ' && text[p + 1] == '"' && (end = FieldText.ClosingQuote(text, p + 1)) > 0)
            {
                SetQuoted(text, p + 2, end, "user_agent.original", document);
                p = end + 1;
            }
        }

        if (p + 1 < text.Length && text[p] == ' ')
        {
            SetDuration(text.AsSpan(p + 1, IndexOfSpaceOrEnd(text, p + 1) - p - 1), document, options);
        }
    }

    private static void SetDuration(ReadOnlySpan<char> token, EcsDocument document, ParserOptions options)
    {
        var whole = FieldText.Number(token);
        if (whole >= 0)
        {
            document.Set("event.duration", whole * options.ApacheDurationUnit.Ticks * 100);
        }
        else if (token.Contains('.') && FieldText.TryDecimal(token, out var seconds) && seconds >= 0)
        {
            document.Set("event.duration", (long)Math.Round(seconds * 1e9));
        }
    }

    /// <summary>A quoted field without its quotes; Apache's <c>\"</c> and <c>\\</c> escapes are undone (<c>\xhh</c> stays as written).</summary>
    private static void SetQuoted(string text, int start, int end, string field, EcsDocument document)
    {
        if (end > start && !(end == start + 1 && text[start] == '-'))
        {
            var value = text.AsSpan(start, end - start);
            document.Set(field, value.Contains('\\') ? Unescape(value) : value.ToString());
        }
    }

    private static string Unescape(ReadOnlySpan<char> value)
    {
        var builder = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length && value[i + 1] is '"' or '\\')
            {
                i++;
            }

            builder.Append(value[i]);
        }

        return builder.ToString();
    }

    private static void SetVirtualHost(string text, Range range, EcsDocument document)
    {
        var host = text.AsSpan(range);
        var colon = host.LastIndexOf(':');
        var port = colon > 0 && !host[..colon].Contains(':') ? FieldText.Number(host[(colon + 1)..]) : -1;
        document.Set("destination.domain", (port >= 0 ? host[..colon] : host).ToString());
        if (port >= 0)
        {
            document.Set("destination.port", port);
        }
    }

    private static int IndexOfSpaceOrEnd(string text, int from)
    {
        var i = text.IndexOf(' ', from);
        return i < 0 ? text.Length : i;
    }
}
