using LogPipeline.Parsers.Detection;
using LogPipeline.Parsers.Framing;
using LogPipeline.Parsers.Grok;

namespace LogPipeline.Parsers.Tool;

/// <summary>What <c>ingest parse</c> runs with once its arguments are checked: the library, the dataset, the framing.</summary>
internal sealed class ParseToolSetup
{
    private ParseToolSetup(FormatLibrary library, string dataset, string? error)
    {
        Library = library;
        Dataset = dataset;
        Error = error;
    }

    public FormatLibrary Library { get; }

    public string Dataset { get; }

    public string? Error { get; }

    public static ParseToolSetup Create(ParseToolArguments arguments, Func<string, TextReader> openFile, TimeProvider clock)
    {
        var zone = TimeZoneArgument.Resolve(arguments.TimeZone, out var zoneError);
        var options = new ParserOptions { DefaultTimeZone = zone ?? TimeZoneInfo.Local, Clock = clock };
        var library = new FormatLibrary(options);
        if (zoneError is not null)
        {
            return new ParseToolSetup(library, string.Empty, zoneError);
        }

        var dataset = arguments.Format ?? (arguments.Patterns.Count > 0 ? "grok" : FormatDetector.Auto);
        if (arguments.Patterns.Count == 0)
        {
            var known = string.Equals(dataset, FormatDetector.Auto, StringComparison.OrdinalIgnoreCase) || library.TryGet(dataset, out _);
            var error = known ? null : $"unknown format '{dataset}': use auto or one of {string.Join(", ", library.Datasets.Order(StringComparer.Ordinal))}";
            return new ParseToolSetup(library, dataset, error);
        }

        var grok = GrokPatternLibrary.CreateDefault();
        foreach (var file in arguments.PatternFiles)
        {
            string text;
            try
            {
                using var reader = openFile(file);
                text = reader.ReadToEnd();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                return new ParseToolSetup(library, dataset, $"cannot read pattern file '{file}': {e.Message}");
            }

            var errors = grok.DefineFrom(text, file);
            if (errors.Count > 0)
            {
                return new ParseToolSetup(library, dataset, $"bad pattern file: {errors[0].Message}");
            }
        }

        var inline = grok.DefineFrom(string.Join('\n', arguments.Definitions), "--define");
        if (inline.Count > 0)
        {
            return new ParseToolSetup(library, dataset, $"bad definition: {inline[0].Message}");
        }

        var patterns = new List<GrokPattern>();
        foreach (var expression in arguments.Patterns)
        {
            var compiled = grok.Compile(expression, options);
            if (!compiled.Success)
            {
                return new ParseToolSetup(library, dataset, $"bad pattern: {compiled.Error!.Message}");
            }

            patterns.Add(compiled.Pattern!);
        }

        library.Register(new GrokFormat(dataset, patterns));
        return new ParseToolSetup(library, dataset, null);
    }

    /// <summary>The dataset each event is parsed with, and the events: framed by the dataset's rule, detected from the first lines under auto.</summary>
    public (string Dataset, IEnumerable<string> Events) Events(TextReader input)
    {
        if (!string.Equals(Dataset, FormatDetector.Auto, StringComparison.OrdinalIgnoreCase))
        {
            return (Dataset, LineFramer.Frame(input, FramingRules.For(Dataset)));
        }

        var head = new List<string>();
        while (head.Count < 20 && input.ReadLine() is { } line)
        {
            head.Add(line);
        }

        var detected = FormatDetector.DetectStream(Library, head);
        var rule = detected is null ? null : FramingRules.For(detected);
        var replay = new ConcatReader(head, input);
        return rule is null ? (Dataset, LineFramer.Frame(replay, null)) : (detected!, LineFramer.Frame(replay, rule));
    }
}
