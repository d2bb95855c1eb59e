using System.Text.RegularExpressions;

namespace LogPipeline.Store.Query;

/// <summary>
/// The fields the query language knows by name: short aliases and the ECS fields with a known type. Any other field
/// name that matches <see cref="IsValidName"/> is accepted too and looked up in the stored document.
/// </summary>
public static partial class QueryFields
{
    public const string Timestamp = "@timestamp";
    public const string Message = "message";
    public const string HostName = "host.name";
    public const string Dataset = "event.dataset";
    public const string FilePath = "log.file.path";
    public const string SourceIp = "source.ip";
    public const string Method = "http.request.method";
    public const string Status = "http.response.status_code";
    public const string Bytes = "http.response.body.bytes";
    public const string UrlPath = "url.path";
    public const string UrlOriginal = "url.original";
    public const string UserAgent = "user_agent.original";
    public const string Offset = "log.offset";

    /// <summary>Short names people type, and the field each stands for.</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["ip"] = SourceIp,
        ["status"] = Status,
        ["method"] = Method,
        ["path"] = UrlPath,
        ["url"] = UrlOriginal,
        ["ua"] = UserAgent,
        ["host"] = HostName,
        ["dataset"] = Dataset,
        ["bytes"] = Bytes,
        ["file"] = FilePath,
    };

    private static readonly Dictionary<string, FieldKind> Kinds = new(StringComparer.Ordinal)
    {
        [Timestamp] = FieldKind.Time,
        [Message] = FieldKind.Text,
        [HostName] = FieldKind.Keyword,
        [Dataset] = FieldKind.Keyword,
        [FilePath] = FieldKind.Keyword,
        [SourceIp] = FieldKind.Keyword,
        [Method] = FieldKind.Keyword,
        [Status] = FieldKind.Number,
        [Bytes] = FieldKind.Number,
        [UrlPath] = FieldKind.Keyword,
        [UrlOriginal] = FieldKind.Keyword,
        [UserAgent] = FieldKind.Keyword,
        [Offset] = FieldKind.Number,
    };

    /// <summary>Fields matched case-insensitively (URLs, user agents, host names, methods).</summary>
    private static readonly HashSet<string> CaseInsensitive = new(StringComparer.Ordinal) { HostName, Method, UrlPath, UrlOriginal, UserAgent };

    /// <summary>Fields whose values are paths: <c>/…/</c> on them is a regular expression only if it has a regex operator.</summary>
    private static readonly HashSet<string> PathLike = new(StringComparer.Ordinal) { FilePath, UrlPath, UrlOriginal };

    /// <summary>The canonical field for a name or alias.</summary>
    public static string Resolve(string name) => Aliases.TryGetValue(name, out var field) ? field : name;

    /// <summary>The canonical field for a name or alias typed by a user; <see cref="QuerySyntaxException"/> if it is not a field name.</summary>
    public static string ResolveOrThrow(string? name) =>
        name is not null && IsValidName(name) ? Resolve(name)
            : throw new QuerySyntaxException($"'{name}' is not a field name (letters, digits, '_', '@', '-', separated by dots).", 0);

    /// <summary>Dotted identifiers: letters, digits, <c>_ @ -</c>, not starting with a digit or <c>-</c>.</summary>
    public static bool IsValidName(string name) => name.Length <= 128 && NamePattern().IsMatch(name);

    internal static FieldKind KindOf(string field) => Kinds.TryGetValue(field, out var kind) ? kind : FieldKind.Dynamic;

    internal static bool IsCaseInsensitive(string? field) => field is not null && CaseInsensitive.Contains(field);

    internal static bool IsPathLike(string? field) => field is null || PathLike.Contains(field);

    [GeneratedRegex(@"^[A-Za-z_@][A-Za-z0-9_@\-]*(\.[A-Za-z_@][A-Za-z0-9_@\-]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
