using LogPipeline.Store;

namespace LogPipeline.QueryUi.Search;

/// <summary>One hit as the table shows it: id, time, every field flattened, and the raw line.</summary>
public sealed record HitView(string Id, DateTimeOffset Timestamp, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public static HitView From(SearchHit hit) => new(hit.Id, hit.Timestamp, DocumentFields.Flatten(hit.DocumentJson));

    /// <summary>The line as it was logged: <c>event.original</c> when kept, else <c>message</c>.</summary>
    public string Raw => Value("event.original") is { Length: > 0 } original ? original : Value("message");

    public string Value(string field)
    {
        foreach (var pair in Fields)
        {
            if (pair.Key == field)
            {
                return pair.Value;
            }
        }

        return string.Empty;
    }
}
