using System.Text.RegularExpressions;

namespace LogPipeline.Parsers.Grok;

/// <summary>
/// Named grok patterns (<c>NAME regex</c>) and the compiler that expands expressions over them. Start from
/// <see cref="CreateDefault"/> (our base library) and add your own with <see cref="Define"/> or a pattern file
/// (<see cref="DefineFrom"/>): one definition a line, <c>#</c> comments, blank lines ignored — Logstash's layout.
/// </summary>
public sealed class GrokPatternLibrary
{
    private readonly Dictionary<string, string> _definitions = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _definitions.Keys;

    /// <summary>A library holding our base patterns (IP, HOSTNAME, NUMBER, HTTPDATE, TIMESTAMP_ISO8601 …).</summary>
    public static GrokPatternLibrary CreateDefault()
    {
        var library = new GrokPatternLibrary();
        var errors = library.DefineFrom(BasePatterns.Text, "base patterns");
        return errors.Count == 0 ? library : throw new InvalidOperationException(errors[0].Message);
    }

    public bool TryGetDefinition(string name, out string definition) => _definitions.TryGetValue(name, out definition!);

    /// <summary>Adds or replaces a definition. The name is letters, digits and '_'.</summary>
    public void Define(string name, string definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!IsValidName(name))
        {
            throw new ArgumentException($"'{name}' is not a grok pattern name: use letters, digits and '_'.", nameof(name));
        }

        _definitions[name] = definition;
    }

    /// <summary>
    /// Adds the definitions in a pattern file's text. Returns the lines that are not definitions (each error names
    /// <paramref name="sourceName"/> and the line number); the valid lines are added either way.
    /// </summary>
    public IReadOnlyList<GrokError> DefineFrom(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<GrokError>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var space = line.AsSpan().IndexOfAny(' ', '\t');
            var name = space < 0 ? line : line[..space];
            if (space < 0 || !IsValidName(name))
            {
                errors.Add(new GrokError($"{sourceName}:{lineNumber}: expected 'NAME regex', got '{line}'", 0, line));
                continue;
            }

            _definitions[name] = line[(space + 1)..].TrimStart();
        }

        return errors;
    }

    /// <summary>Compiles <paramref name="expression"/>; an unknown pattern, a bad type or a bad regex is an error value.</summary>
    public GrokCompileResult Compile(string expression, ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        options ??= ParserOptions.Default;
        var (regexText, captures, error) = GrokCompiler.Expand(_definitions, expression);
        if (error is not null)
        {
            return GrokCompileResult.Fail(error);
        }

        try
        {
            var regex = new Regex(regexText, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled, options.GrokMatchBudget);
            return GrokCompileResult.Ok(new GrokPattern(expression, regex, captures, options));
        }
        catch (ArgumentException e)
        {
            return GrokCompileResult.Fail(new GrokError($"'{expression}' is not a valid regular expression once expanded: {e.Message}", 0, expression));
        }
    }

    internal static bool IsValidName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
