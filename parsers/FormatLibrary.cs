using LogPipeline.Parsers.Detection;
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
        Register(AccessLogFormat.Apache(Options));
        Register(AccessLogFormat.Nginx(Options));
        Register(new HaproxyFormat(Options));
        Register(new SyslogFormat(Options));
        Register(new ApacheErrorFormat(Options));
        Register(new NginxErrorFormat(Options));
        Register(new MysqlErrorFormat(Options));
        Register(new MysqlSlowlogFormat(Options));
    }

    public ParserOptions Options { get; }

    /// <summary>The dataset names this library parses (<c>auto</c> is accepted too but is not a dataset).</summary>
    public IReadOnlyCollection<string> Datasets => _formats.Keys;

    public bool TryGet(string dataset, out ILogFormat format) => _formats.TryGetValue(dataset, out format!);

    /// <summary>
    /// Adds a format, or replaces the one with the same dataset (e.g. a grok format from configuration). Register
    /// before parsing starts: parsing is thread-safe, registering while other threads parse is not.
    /// </summary>
    public void Register(ILogFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        _formats[format.Dataset] = format;
    }

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

    /// <summary>
    /// Parses into <paramref name="document"/> and sets <c>event.dataset</c>. The dataset <c>auto</c> detects the
    /// format and sets <c>event.dataset</c> to the one detected (<c>auto</c> stays when none is).
    /// </summary>
    public bool Parse(string dataset, string text, EcsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(text);
        if (string.Equals(dataset, FormatDetector.Auto, StringComparison.OrdinalIgnoreCase))
        {
            dataset = FormatDetector.Detect(this, text) ?? FormatDetector.Auto;
        }

        if (_formats.TryGetValue(dataset, out var format))
        {
            document.Set("event.dataset", format.Dataset);
            return format.Parse(text, document);
        }

        document.Set("event.dataset", dataset);
        Unparsed.Keep(Text.LineText.Trim(text), document);
        return false;
    }
}
