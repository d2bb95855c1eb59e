using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Parsers.Grok;

/// <summary>
/// A format defined by grok expressions, tried in order until one matches (Logstash's <c>break_on_match</c>).
/// A line that uses up the match budget is kept whole and tagged <c>_groktimeout</c> as well as <c>_grokparsefailure</c>.
/// </summary>
public sealed class GrokFormat : ILogFormat
{
    public const string TimeoutTag = "_groktimeout";
    private readonly GrokPattern[] _patterns;

    public GrokFormat(string dataset, IReadOnlyList<GrokPattern> patterns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataset);
        ArgumentNullException.ThrowIfNull(patterns);
        if (patterns.Count == 0)
        {
            throw new ArgumentException("A grok format needs at least one pattern.", nameof(patterns));
        }

        Dataset = dataset;
        _patterns = [.. patterns];
    }

    public string Dataset { get; }

    public bool Parse(string text, EcsDocument document)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(document);
        text = Text.LineText.Trim(text);
        var timedOut = false;
        foreach (var pattern in _patterns)
        {
            var outcome = pattern.Run(text, out var match);
            if (outcome == GrokMatchOutcome.Matched)
            {
                document.Set("message", text);
                pattern.Write(match!, document);
                return true;
            }

            timedOut |= outcome == GrokMatchOutcome.BudgetExceeded;
        }

        Unparsed.Keep(text, document);
        if (timedOut)
        {
            document.AddTag(TimeoutTag);
        }

        return false;
    }
}
