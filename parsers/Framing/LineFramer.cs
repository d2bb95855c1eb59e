using System.Text;
using System.Text.RegularExpressions;

namespace LogPipeline.Parsers.Framing;

/// <summary>
/// Groups lines into events with a <see cref="MultilineRule"/> (or one line per event without one), the way the
/// shipper does; used by <c>ingest parse</c> so a slow-log file parses record by record. Blank lines carry nothing
/// and are skipped between events.
/// </summary>
internal static class LineFramer
{
    public static IEnumerable<string> Frame(TextReader reader, MultilineRule? rule)
    {
        if (rule is null)
        {
            while (reader.ReadLine() is { } line)
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    yield return line;
                }
            }

            yield break;
        }

        var start = new Regex(rule.StartPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var joinNext = rule.JoinNextPattern is null ? null : new Regex(rule.JoinNextPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var current = new StringBuilder();
        var lines = 0;
        var lastLineJoins = false;
        while (reader.ReadLine() is { } line)
        {
            var startsEvent = start.IsMatch(line) && !lastLineJoins;
            if (current.Length > 0 && (startsEvent || lines >= rule.MaxLines || current.Length + line.Length > rule.MaxBytes))
            {
                yield return current.ToString();
                current.Clear();
                lines = 0;
            }

            if (lines == 0 && string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (lines > 0)
            {
                current.Append('\n');
            }

            current.Append(line);
            lines++;
            lastLineJoins = joinNext?.IsMatch(line) ?? false;
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}
