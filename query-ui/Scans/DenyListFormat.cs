using System.Globalization;
using System.Net;
using System.Text;

namespace LogPipeline.QueryUi.Scans;

/// <summary>
/// Offender lists for the tools that block them. Only strings that parse as IP addresses are written (in canonical
/// form), so nothing an attacker put in a log line can reach a configuration file.
/// </summary>
internal static class DenyListFormat
{
    public static readonly IReadOnlyList<string> Names = ["txt", "haproxy", "nginx", "apache", "fail2ban"];

    public static bool IsKnown(string format) => Names.Contains(format, StringComparer.Ordinal);

    public static string FileName(string format) => format switch
    {
        "haproxy" => "scanners.acl",
        "nginx" => "scanners-deny.conf",
        "apache" => "scanners-deny.conf",
        "fail2ban" => "scanners-fail2ban.log",
        _ => "scanners.txt",
    };

    public static string Write(string format, IEnumerable<(string Address, long Count)> offenders, DateTimeOffset now)
    {
        var addresses = offenders
            .Select(o => (Parsed: IPAddress.TryParse(o.Address, out var ip) ? ip.ToString() : null, o.Count))
            .Where(o => o.Parsed is not null)
            .DistinctBy(o => o.Parsed)
            .ToList();
        var stamp = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        switch (format)
        {
            case "haproxy":
                text.Append("# LogPipeline scanners, ").Append(stamp).Append(". Use: acl scanners src -f /etc/haproxy/scanners.acl\n#      http-request deny if scanners\n");
                addresses.ForEach(a => text.Append(a.Parsed).Append('\n'));
                break;
            case "nginx":
                text.Append("# LogPipeline scanners, ").Append(stamp).Append(". Include inside a server or http block.\n");
                addresses.ForEach(a => text.Append("deny ").Append(a.Parsed).Append(";\n"));
                break;
            case "apache":
                text.Append("# LogPipeline scanners, ").Append(stamp).Append(". Include inside a <Directory> or <Location>.\n<RequireAll>\n    Require all granted\n");
                addresses.ForEach(a => text.Append("    Require not ip ").Append(a.Parsed).Append('\n'));
                text.Append("</RequireAll>\n");
                break;
            case "fail2ban":
                addresses.ForEach(a => text.Append(CultureInfo.InvariantCulture, $"{stamp} logpipeline offender {a.Parsed} hits={a.Count}\n"));
                break;
            default:
                addresses.ForEach(a => text.Append(a.Parsed).Append('\n'));
                break;
        }

        return text.ToString();
    }
}
