using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Parsers.Detection;

/// <summary>
/// Format auto-detection for untyped streams: the first format, in an order from most to least distinctive, that
/// parses the text. Apache and nginx access lines look alike; they are reported as <c>apache.access</c>.
/// </summary>
internal static class FormatDetector
{
    public const string Auto = "auto";

    private static readonly string[] Order =
    [
        "mysql.slowlog",
        "apache.error",
        "nginx.error",
        "mysql.error",
        "haproxy.log",
        "apache.access",
        "syslog",
    ];

    /// <summary>The dataset whose format parses <paramref name="text"/>, or null.</summary>
    public static string? Detect(FormatLibrary library, string text)
    {
        var scratch = new EcsDocument();
        foreach (var dataset in Order)
        {
            if (library.TryGet(dataset, out var format))
            {
                scratch.Clear();
                if (format.Parse(text, scratch))
                {
                    return dataset;
                }
            }
        }

        return null;
    }

    /// <summary>The dataset of a stream, from its first lines: the first line any format recognises decides.</summary>
    public static string? DetectStream(FormatLibrary library, IEnumerable<string> firstLines)
    {
        foreach (var line in firstLines)
        {
            if (!string.IsNullOrWhiteSpace(line) && Detect(library, line) is { } dataset)
            {
                return dataset;
            }
        }

        return null;
    }
}
