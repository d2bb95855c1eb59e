using System.Globalization;
using System.Text.RegularExpressions;
using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Parsers.Formats;

/// <summary>
/// Apache access log, common and combined formats. A first, regex-based implementation: the grok-based
/// format library replaces it with the full set of variants.
/// </summary>
internal sealed partial class ApacheAccessFormat : ILogFormat
{
    private readonly ParserOptions _options;

    public ApacheAccessFormat(ParserOptions options) => _options = options;

    public string Dataset => "apache.access";

    public bool Parse(string text, EcsDocument document)
    {
        var m = Combined().Match(text);
        if (!m.Success || !DateTimeOffset.TryParseExact(m.Groups["time"].ValueSpan, "dd/MMM/yyyy:HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            Unparsed.Keep(text, document);
            return false;
        }

        _ = _options;
        document.Timestamp = time;
        document.Set("message", text);
        document.Set("source.address", m.Groups["client"].Value);
        document.Set("source.ip", m.Groups["client"].Value);
        if (m.Groups["user"].Value != "-")
        {
            document.Set("user.name", m.Groups["user"].Value);
        }

        if (m.Groups["method"].Success)
        {
            document.Set("http.request.method", m.Groups["method"].Value);
            var url = m.Groups["url"].Value;
            document.Set("url.original", url);
            var q = url.IndexOf('?', StringComparison.Ordinal);
            document.Set("url.path", q < 0 ? url : url[..q]);
            if (q >= 0 && q + 1 < url.Length)
            {
                document.Set("url.query", url[(q + 1)..]);
            }

            document.Set("http.version", m.Groups["version"].Value);
        }

        document.Set("http.response.status_code", long.Parse(m.Groups["status"].ValueSpan, CultureInfo.InvariantCulture));
        if (m.Groups["bytes"].Value != "-")
        {
            document.Set("http.response.body.bytes", long.Parse(m.Groups["bytes"].ValueSpan, CultureInfo.InvariantCulture));
        }

        if (m.Groups["referrer"].Success && m.Groups["referrer"].Value != "-")
        {
            document.Set("http.request.referrer", m.Groups["referrer"].Value);
        }

        if (m.Groups["agent"].Success && m.Groups["agent"].Value != "-")
        {
            document.Set("user_agent.original", m.Groups["agent"].Value);
        }

        return true;
    }

    [GeneratedRegex("""^(?<client>\S+) \S+ (?<user>\S+) \[(?<time>[^\]]+)\] "(?:(?<method>[A-Z]+) (?<url>\S+) HTTP/(?<version>[0-9.]+)|[^"]*)" (?<status>\d{3}) (?<bytes>\d+|-)(?: "(?<referrer>(?:[^"\\]|\\.)*)" "(?<agent>(?:[^"\\]|\\.)*)")?""", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Combined();
}
