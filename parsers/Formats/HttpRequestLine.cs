using LogPipeline.Parsers.Ecs;
using LogPipeline.Parsers.Text;

namespace LogPipeline.Parsers.Formats;

/// <summary>
/// Splits a request line ("GET /a?b=c HTTP/1.1") into <c>http.request.method</c>, <c>url.*</c> and
/// <c>http.version</c>. Anything else ("-", a TLS handshake sent to a plain port, garbage) sets nothing: the
/// whole line stays in <c>message</c>.
/// </summary>
internal static class HttpRequestLine
{
    public static void Set(string text, int start, int end, EcsDocument document)
    {
        var line = text.AsSpan(start, end - start);
        var firstSpace = line.IndexOf(' ');
        if (firstSpace <= 0 || !IsMethod(line[..firstSpace]))
        {
            return;
        }

        var urlStart = firstSpace + 1;
        var urlEnd = line.Length;
        var lastSpace = line.LastIndexOf(' ');
        string? version = null;
        if (lastSpace > firstSpace && line[(lastSpace + 1)..].StartsWith("HTTP/", StringComparison.Ordinal))
        {
            version = FieldText.Intern(line[(lastSpace + 6)..]);
            urlEnd = lastSpace;
        }

        if (urlEnd <= urlStart)
        {
            return;
        }

        document.Set("http.request.method", FieldText.Intern(line[..firstSpace]));
        SetUrl(text, start + urlStart, start + urlEnd, document);
        document.Set("http.version", version);
    }

    /// <summary><c>url.original</c>, and <c>url.path</c>/<c>url.query</c> split at the first '?'.</summary>
    public static void SetUrl(string text, int start, int end, EcsDocument document)
    {
        var original = text.Substring(start, end - start);
        document.Set("url.original", original);
        var question = original.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            document.Set("url.path", original);
            return;
        }

        document.Set("url.path", original[..question]);
        if (question + 1 < original.Length)
        {
            document.Set("url.query", original[(question + 1)..]);
        }
    }

    private static bool IsMethod(ReadOnlySpan<char> s)
    {
        if (s.Length > 20)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiLetterUpper(c) && c != '-' && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
