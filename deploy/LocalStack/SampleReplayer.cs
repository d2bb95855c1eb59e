using System.Globalization;
using System.Text.RegularExpressions;

namespace LogPipeline.LocalStack;

/// <summary>A sample log made current: the file it was copied to, and its dataset.</summary>
internal sealed record ReplayedSample(string Path, string Dataset);

/// <summary>
/// Copies the sample logs (samples/&lt;format&gt;/&lt;name&gt;.log) with every Apache-style timestamp moved by the same
/// amount, so that the newest line is a minute old: the samples show up under "last 24 hours" whenever you run it.
/// Done once per data directory, so a restart does not ship them twice.
/// </summary>
internal static partial class SampleReplayer
{
    private const string ApacheTime = "dd/MMM/yyyy:HH:mm:ss zzz";

    private static readonly Dictionary<string, string> Datasets = new(StringComparer.Ordinal)
    {
        ["apache/access.log"] = "apache.access",
    };

    public static IReadOnlyList<ReplayedSample> Replay(string samplesDir, string targetDir, DateTimeOffset now)
    {
        var replayed = new List<ReplayedSample>();
        foreach (var (relative, dataset) in Datasets)
        {
            var source = Path.Combine(samplesDir, relative);
            var target = Path.Combine(targetDir, relative);
            if (!File.Exists(source))
            {
                continue;
            }

            if (!File.Exists(target))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var lines = File.ReadAllLines(source);
                var newest = lines.Select(Stamp).Where(t => t is not null).Max();
                var shift = newest is null ? TimeSpan.Zero : now.AddMinutes(-1) - newest.Value;
                File.WriteAllLines(target, lines.Select(l => Shift(l, shift)));
            }

            replayed.Add(new ReplayedSample(target, dataset));
        }

        return replayed;
    }

    private static DateTimeOffset? Stamp(string line)
    {
        var m = Bracketed().Match(line);
        return m.Success && DateTimeOffset.TryParseExact(Colon(m.Groups[1].Value), ApacheTime, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
    }

    private static string Shift(string line, TimeSpan shift) => Bracketed().Replace(line, m =>
        DateTimeOffset.TryParseExact(Colon(m.Groups[1].Value), ApacheTime, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? "[" + (t + shift).ToString("dd/MMM/yyyy:HH:mm:ss ", CultureInfo.InvariantCulture) + (t + shift).ToString("zzz", CultureInfo.InvariantCulture).Replace(":", "", StringComparison.Ordinal) + "]"
            : m.Value, 1);

    /// <summary>Apache writes +0100; .NET's zzz reads +01:00.</summary>
    private static string Colon(string stamp) => stamp.Length > 5 ? stamp[..^2] + ":" + stamp[^2..] : stamp;

    [GeneratedRegex(@"\[(\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4})\]")]
    private static partial Regex Bracketed();
}
