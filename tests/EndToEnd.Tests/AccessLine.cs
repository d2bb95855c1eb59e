using System.Globalization;

namespace LogPipeline.EndToEnd.Tests;

/// <summary>An Apache combined-format line written by the test, with the values it should parse to.</summary>
internal sealed record AccessLine(int Index, string Text, string Ip, string Method, string Url, int Status, DateTimeOffset UtcTime)
{
    private static readonly string[] Methods = ["GET", "POST", "HEAD"];
    private static readonly int[] Statuses = [200, 404, 302, 500];

    /// <summary>Line <paramref name="i"/>: local times with a +02:00 or -05:00 offset, so honouring it is tested.</summary>
    public static AccessLine Make(int i, DateTimeOffset baseTime)
    {
        var utc = baseTime.UtcDateTime.AddSeconds(i);
        utc = new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second, DateTimeKind.Utc);
        var offset = i % 2 == 0 ? TimeSpan.FromHours(2) : TimeSpan.FromHours(-5);
        var local = new DateTimeOffset(utc).ToOffset(offset);
        var ip = $"198.51.100.{i % 250 + 1}";
        var method = Methods[i % Methods.Length];
        var url = $"/page/{i}?tag=needle{i}";
        var status = Statuses[i % Statuses.Length];
        var stamp = local.ToString("dd/MMM/yyyy:HH:mm:ss ", CultureInfo.InvariantCulture) + local.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", "", StringComparison.Ordinal);
        var text = $"{ip} - - [{stamp}] \"{method} {url} HTTP/1.1\" {status} {100 + i} \"-\" \"e2e-agent/{i}\"";
        return new AccessLine(i, text, ip, method, url, status, new DateTimeOffset(utc));
    }
}
