using System.Globalization;
using LogPipeline.Store;

namespace LogPipeline.QueryUi.Api;

/// <summary>
/// The search parameters shared by the page and the API, with their defaults: the last 15 minutes, 50 hits.
/// Either a request or an error naming the bad parameter.
/// </summary>
internal sealed record SearchParameters(SearchRequest? Request, string? Error)
{
    public const string DefaultFrom = "now-15m";
    public const string DefaultTo = "now";
    public const int DefaultSize = 50;

    public static SearchParameters TryParse(string? q, string? from, string? to, string? size, string? cursor, DateTimeOffset now, int maxSize)
    {
        if (!TimeExpression.TryParse(string.IsNullOrWhiteSpace(from) ? DefaultFrom : from, now, out var start, out var error))
        {
            return new(null, $"from: {error}");
        }

        if (!TimeExpression.TryParse(string.IsNullOrWhiteSpace(to) ? DefaultTo : to, now, out var end, out error))
        {
            return new(null, $"to: {error}");
        }

        if (end <= start)
        {
            return new(null, "from must be before to");
        }

        var pageSize = DefaultSize;
        if (!string.IsNullOrWhiteSpace(size) && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1 || pageSize > maxSize))
        {
            return new(null, $"size: must be a whole number from 1 to {maxSize}");
        }

        return new(new SearchRequest { Query = q ?? string.Empty, From = start, To = end, Size = pageSize, Cursor = string.IsNullOrEmpty(cursor) ? null : cursor }, null);
    }
}
