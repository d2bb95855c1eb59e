using LogPipeline.Parsers.Ecs;
using LogPipeline.Parsers.Formats;

namespace LogPipeline.Parsers;

/// <summary>The formats known by dataset name, and a fallback for unknown or untyped streams.</summary>
public sealed class FormatLibrary
{
    private readonly Dictionary<string, ILogFormat> _formats = new(StringComparer.OrdinalIgnoreCase);

    public FormatLibrary(ParserOptions? options = null)
    {
        Options = options ?? ParserOptions.Default;
        Add(new ApacheAccessFormat(Options));
    }

    public ParserOptions Options { get; }

    public IReadOnlyCollection<string> Datasets => _formats.Keys;

    public bool TryGet(string dataset, out ILogFormat format) => _formats.TryGetValue(dataset, out format!);

    /// <summary>
    /// Parses <paramref name="text"/> with the format named by <paramref name="dataset"/>. An unknown dataset keeps the
    /// text whole in <c>message</c>, tagged <c>_grokparsefailure</c>, so nothing is lost.
    /// </summary>
    public EcsDocument Parse(string dataset, string text)
    {
        var document = new EcsDocument();
        Parse(dataset, text, document);
        return document;
    }

    public bool Parse(string dataset, string text, EcsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (_formats.TryGetValue(dataset, out var format))
        {
            document.Set("event.dataset", format.Dataset);
            return format.Parse(text, document);
        }

        document.Set("event.dataset", dataset);
        Unparsed.Keep(text, document);
        return false;
    }

    private void Add(ILogFormat format) => _formats[format.Dataset] = format;
}
