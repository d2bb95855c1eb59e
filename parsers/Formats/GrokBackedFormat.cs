using System.Text.RegularExpressions;
using LogPipeline.Parsers.Ecs;
using LogPipeline.Parsers.Grok;
using LogPipeline.Parsers.Text;

namespace LogPipeline.Parsers.Formats;

/// <summary>
/// A built-in format written in grok: the patterns capture straight into ECS fields, scratch captures (named
/// <c>_…</c>) are finished by <see cref="Complete"/> (timestamps, splits). Lower-volume formats use this; the hot
/// ones have hand-written matchers.
/// </summary>
internal abstract class GrokBackedFormat : ILogFormat
{
    private readonly GrokPattern[] _patterns;

    protected GrokBackedFormat(ParserOptions options, params string[] expressions)
    {
        Options = options;
        var library = Library;
        _patterns = [.. expressions.Select(e => Compile(library, e, options))];
    }

    public abstract string Dataset { get; }

    /// <summary>Our own expressions: one that does not compile is a bug in this assembly, so it throws.</summary>
    private static GrokPattern Compile(GrokPatternLibrary library, string expression, ParserOptions options)
    {
        var result = library.Compile(expression, options);
        return result.Pattern ?? throw new InvalidOperationException($"built-in grok expression does not compile: {result.Error}");
    }

    protected ParserOptions Options { get; }

    private static GrokPatternLibrary Library { get; } = GrokPatternLibrary.CreateDefault();

    public bool Parse(string text, EcsDocument document)
    {
        text = LineText.Trim(text);
        var mark = document.Count;
        var markTime = document.Timestamp;
        var timedOut = false;
        foreach (var pattern in _patterns)
        {
            var outcome = pattern.Run(text, out var match);
            timedOut |= outcome == GrokMatchOutcome.BudgetExceeded;
            if (outcome != GrokMatchOutcome.Matched)
            {
                continue;
            }

            pattern.Write(match!, document);
            if (Complete(new Captures(pattern, match!), text, document))
            {
                return true;
            }

            document.Truncate(mark, markTime);
        }

        Unparsed.Keep(text, document);
        if (timedOut)
        {
            document.AddTag(GrokFormat.TimeoutTag);
        }

        return false;
    }

    /// <summary>Finishes the document from the scratch captures; false rejects the match (e.g. an impossible date).</summary>
    protected abstract bool Complete(Captures captures, string text, EcsDocument document);

    /// <summary>Read access to one match's captures by field name.</summary>
    protected readonly struct Captures(GrokPattern pattern, Match match)
    {
        public ReadOnlySpan<char> this[string field] => pattern.Get(match, field);
    }
}
