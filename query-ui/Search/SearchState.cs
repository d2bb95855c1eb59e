using System.Globalization;
using LogPipeline.Store.Query;
using Microsoft.AspNetCore.WebUtilities;

namespace LogPipeline.QueryUi.Search;

/// <summary>
/// Everything a search view shows, as URL parameters: <c>q</c>, <c>from</c>, <c>to</c>, <c>tz</c> (display zone),
/// <c>cols</c> (comma-separated fields), <c>field</c> (the sidebar field opened), <c>cursor</c> and <c>live</c>.
/// Links are built from it, so every view can be bookmarked and the back button works.
/// <remarks>Public only because Razor components, which are public, take it as a parameter.</remarks>
public sealed record SearchState
{
    public const string DefaultFrom = "now-15m";
    public const string DefaultTo = "now";
    public const string DefaultZone = "UTC";
    public const int MaxColumns = 12;
    public static readonly IReadOnlyList<string> DefaultColumns = ["host.name", "event.dataset", "message"];

    public string Q { get; init; } = string.Empty;

    public string From { get; init; } = DefaultFrom;

    public string To { get; init; } = DefaultTo;

    public string Tz { get; init; } = DefaultZone;

    public IReadOnlyList<string> Columns { get; init; } = DefaultColumns;

    public string? Field { get; init; }

    public string? Cursor { get; init; }

    public bool Live { get; init; }

    /// <summary>True when the range ends at "now", so new events can arrive (live tail makes sense).</summary>
    public bool EndsNow => To.Trim().Equals("now", StringComparison.OrdinalIgnoreCase);

    public static SearchState FromQuery(IQueryCollection query) => new()
    {
        Q = query["q"].ToString(),
        From = NonEmpty(query["from"], DefaultFrom),
        To = NonEmpty(query["to"], DefaultTo),
        Tz = NonEmpty(query["tz"], DefaultZone),
        Columns = ParseColumns(query["cols"]),
        Field = query["field"].ToString() is { Length: > 0 } f && QueryFields.IsValidName(f) ? f : null,
        Cursor = query["cursor"].ToString() is { Length: > 0 } c ? c : null,
        Live = query["live"] == "1",
    };

    /// <summary>The URL of this state on <paramref name="path"/>, with default values left out.</summary>
    public string ToUrl(string path = "/search")
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        Add(parameters, "q", Q, string.Empty);
        Add(parameters, "from", From, DefaultFrom);
        Add(parameters, "to", To, DefaultTo);
        Add(parameters, "tz", Tz, DefaultZone);
        Add(parameters, "cols", string.Join(',', Columns), string.Join(',', DefaultColumns));
        Add(parameters, "field", Field, null);
        Add(parameters, "cursor", Cursor, null);
        Add(parameters, "live", Live ? "1" : null, null);
        return QueryHelpers.AddQueryString(path, parameters);
    }

    /// <summary>A new search (first page) with this state's other settings.</summary>
    public SearchState FirstPage() => this with { Cursor = null };

    public SearchState WithQuery(string q) => this with { Q = q, Cursor = null };

    public SearchState With(string from, string to) => this with { From = from, To = to, Cursor = null };

    public SearchState WithColumnToggled(string field)
    {
        var columns = Columns.Contains(field) ? Columns.Where(c => c != field).ToList() : Columns.Append(field).Take(MaxColumns).ToList();
        return this with { Columns = columns, Cursor = null };
    }

    private static IReadOnlyList<string> ParseColumns(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultColumns;
        }

        return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(QueryFields.IsValidName).Distinct(StringComparer.Ordinal).Take(MaxColumns).ToList();
    }

    private static string NonEmpty(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();

    private static void Add(List<KeyValuePair<string, string?>> parameters, string name, string? value, string? fallback)
    {
        if (!string.IsNullOrEmpty(value) && !string.Equals(value, fallback, StringComparison.Ordinal))
        {
            parameters.Add(new(name, value));
        }
    }

    internal static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
