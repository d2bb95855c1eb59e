using LogPipeline.Parsers.Ecs;
using LogPipeline.Parsers.Text;

namespace LogPipeline.Parsers.Formats;

/// <summary>
/// <c>apache.access</c> (common, combined, vhost_combined, combined followed by <c>%D</c>/<c>%T</c>; see
/// <see cref="ParserOptions.ApacheDurationUnit"/>) and <c>nginx.access</c> (combined, with or without a leading
/// <c>$host</c>, maybe a trailing <c>$request_time</c>): the same line family, one hand-written matcher.
/// </summary>
internal sealed class AccessLogFormat : ILogFormat
{
    private readonly ParserOptions _options;
    private readonly string? _identityField;

    private AccessLogFormat(string dataset, ParserOptions options, string? identityField)
    {
        Dataset = dataset;
        _options = options;
        _identityField = identityField;
    }

    public string Dataset { get; }

    public static AccessLogFormat Apache(ParserOptions options) => new("apache.access", options, "apache.access.identity");

    public static AccessLogFormat Nginx(ParserOptions options) => new("nginx.access", options, identityField: null);

    public bool Parse(string text, EcsDocument document)
    {
        text = LineText.Trim(text);
        if (AccessLogMatcher.TryParse(text, document, _options, _identityField))
        {
            return true;
        }

        Unparsed.Keep(text, document);
        return false;
    }
}
