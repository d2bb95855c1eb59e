namespace LogPipeline.Parsers.Tool;

/// <summary>The command line of <c>ingest parse</c>, read without touching any file.</summary>
internal sealed class ParseToolArguments
{
    public const string Usage =
        "usage: ingest parse [--format DATASET|auto] [--pattern 'GROK']... [--define 'NAME REGEX']... [--pattern-file FILE]... [--timezone ZONE] [--pretty] [FILE|-]";

    public string? Format { get; private set; }

    public List<string> Patterns { get; } = [];

    public List<string> PatternFiles { get; } = [];

    /// <summary>Inline definitions, "NAME regex" each (Logstash's pattern_definitions).</summary>
    public List<string> Definitions { get; } = [];

    public string? TimeZone { get; private set; }

    public bool Pretty { get; private set; }

    public bool Help { get; private set; }

    public string? File { get; private set; }

    /// <summary>The arguments, or the message that names the one that is wrong.</summary>
    public static (ParseToolArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args)
    {
        var result = new ParseToolArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inlineValue = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inlineValue = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            switch (arg)
            {
                case "-h" or "--help":
                    result.Help = true;
                    break;
                case "--pretty":
                    result.Pretty = true;
                    break;
                case "-f" or "--format" or "-p" or "--pattern" or "--pattern-file" or "--define" or "--timezone":
                    var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
                    if (string.IsNullOrEmpty(value))
                    {
                        return (null, $"{arg} needs a value");
                    }

                    result.Set(arg, value);
                    break;
                default:
                    if (arg.Length > 1 && arg[0] == '-')
                    {
                        return (null, $"unknown option '{args[i]}'");
                    }

                    if (result.File is not null)
                    {
                        return (null, $"one input file at most: '{result.File}' and '{arg}' were both given");
                    }

                    result.File = arg;
                    break;
            }
        }

        return (result, null);
    }

    private void Set(string option, string value)
    {
        switch (option)
        {
            case "-f" or "--format":
                Format = value;
                break;
            case "-p" or "--pattern":
                Patterns.Add(value);
                break;
            case "--pattern-file":
                PatternFiles.Add(value);
                break;
            case "--define":
                Definitions.Add(value);
                break;
            default:
                TimeZone = value;
                break;
        }
    }
}
