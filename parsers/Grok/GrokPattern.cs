using System.Globalization;
using System.Text.RegularExpressions;
using LogPipeline.Parsers.Ecs;
using LogPipeline.Parsers.Text;

namespace LogPipeline.Parsers.Grok;

/// <summary>
/// A compiled grok expression. <see cref="Match"/> writes the named captures into an ECS document: typed
/// (<c>:int</c>, <c>:float</c>, <c>:bool</c>), empty captures left out (as Logstash does), a capture named
/// <c>@timestamp</c> parsed into the event time. Fields starting with <c>_</c> are scratch captures, not stored.
/// </summary>
public sealed class GrokPattern
{
    private readonly Regex _regex;
    private readonly GrokCapture[] _captures;
    private readonly int[] _groupNumbers;
    private readonly ParserOptions _options;

    internal GrokPattern(string expression, Regex regex, IReadOnlyList<GrokCapture> captures, ParserOptions options)
    {
        Expression = expression;
        _regex = regex;
        _captures = [.. captures];
        _groupNumbers = [.. _captures.Select(c => regex.GroupNumberFromName(c.Group))];
        _options = options;
        Fields = [.. _captures.Select(c => c.Field).Distinct(StringComparer.Ordinal)];

        // The first real match attempt JIT-compiles the regex (hundreds of milliseconds for a big one); do it now, on
        // text that gets past the regex's first-character and minimum-length checks, so that it is not charged to a
        // line's match budget.
        Run(WarmUpText, out _);
    }

    private static string WarmUpText { get; } = string.Concat(Enumerable.Repeat(
        string.Concat(Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c)), 3));

    /// <summary>The grok expression as written.</summary>
    public string Expression { get; }

    /// <summary>The fields this pattern can fill, in order of first appearance.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>The .NET regular expression the grok expression compiled to (for the debugger view).</summary>
    public string RegexText => _regex.ToString();

    public GrokMatchOutcome Match(string text, EcsDocument document)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(document);
        var outcome = Run(text, out var match);
        if (outcome == GrokMatchOutcome.Matched)
        {
            Write(match!, document);
        }

        return outcome;
    }

    internal GrokMatchOutcome Run(string text, out Match? match)
    {
        try
        {
            match = _regex.Match(text);
            return match.Success ? GrokMatchOutcome.Matched : GrokMatchOutcome.NoMatch;
        }
        catch (RegexMatchTimeoutException)
        {
            match = null;
            return GrokMatchOutcome.BudgetExceeded;
        }
    }

    /// <summary>The text captured for <paramref name="field"/> (the first group that matched), or an empty span.</summary>
    internal ReadOnlySpan<char> Get(Match match, string field)
    {
        for (var i = 0; i < _captures.Length; i++)
        {
            if (string.Equals(_captures[i].Field, field, StringComparison.Ordinal))
            {
                var group = match.Groups[_groupNumbers[i]];
                if (group.Success)
                {
                    return group.ValueSpan;
                }
            }
        }

        return [];
    }

    internal void Write(Match match, EcsDocument document)
    {
        for (var i = 0; i < _captures.Length; i++)
        {
            var group = match.Groups[_groupNumbers[i]];
            if (!group.Success || group.Length == 0)
            {
                continue;
            }

            var capture = _captures[i];
            if (capture.Field.StartsWith('_'))
            {
                continue;
            }

            if (string.Equals(capture.Field, "@timestamp", StringComparison.Ordinal))
            {
                if (FlexibleTimestamp.TryParse(group.ValueSpan, _options, out var time))
                {
                    document.Timestamp = time;
                }
                else
                {
                    document.AddTag("_dateparsefailure");
                }

                continue;
            }

            WriteTyped(document, capture, group.ValueSpan);
        }
    }

    private static void WriteTyped(EcsDocument document, GrokCapture capture, ReadOnlySpan<char> value)
    {
        switch (capture.Type)
        {
            case GrokFieldType.Long when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l):
                document.Set(capture.Field, l);
                break;
            case GrokFieldType.Long when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var truncated):
                document.Set(capture.Field, (long)truncated);
                break;
            case GrokFieldType.Double when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d):
                document.Set(capture.Field, d);
                break;
            case GrokFieldType.Bool when bool.TryParse(value, out var b):
                document.Set(capture.Field, b);
                break;
            default:
                // A value that does not convert is kept as text rather than lost.
                document.Set(capture.Field, value.ToString());
                break;
        }
    }
}
