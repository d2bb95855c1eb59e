using System.Globalization;
using System.Text.Json.Nodes;

namespace LogPipeline.Store.Elasticsearch;

/// <summary>
/// The parts of a <c>_search</c> body every read shares: the half-open time range on <c>@timestamp</c> as a filter
/// (cached, no scoring), and the newest-first sort with the event id as tie-breaker, both formatted as nanosecond
/// ISO-8601 strings so that <c>search_after</c> round-trips exactly.
/// </summary>
internal static class SearchBody
{
    public const string NanosFormat = "strict_date_optional_time_nanos";

    /// <summary><c>bool</c> with the user's clause in <c>must</c> and the time range in <c>filter</c>.</summary>
    public static JsonObject Query(JsonObject clause, DateTimeOffset from, DateTimeOffset to) => new()
    {
        ["bool"] = new JsonObject
        {
            ["must"] = new JsonArray(clause),
            ["filter"] = new JsonArray(new JsonObject
            {
                ["range"] = new JsonObject
                {
                    ["@timestamp"] = new JsonObject
                    {
                        ["gte"] = Format(from),
                        ["lt"] = Format(to),
                        ["format"] = NanosFormat,
                    },
                },
            }),
        },
    };

    public static JsonArray NewestFirst() =>
    [
        new JsonObject { ["@timestamp"] = new JsonObject { ["order"] = "desc", ["format"] = NanosFormat } },
        new JsonObject { ["event.id"] = new JsonObject { ["order"] = "desc", ["unmapped_type"] = "keyword" } },
    ];

    /// <summary>UTC with seven fractional digits (100 ns, all a <see cref="DateTimeOffset"/> holds).</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Reads a nanosecond ISO-8601 time; digits past the seventh (below 100 ns) are dropped.</summary>
    public static DateTimeOffset ParseTime(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end - dot - 1 > 7)
            {
                text = string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
            }
        }

        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }
}
