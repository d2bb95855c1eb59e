using System.Text.Json;

namespace LogPipeline.Parsers.Ecs;

/// <summary>
/// An ECS document under construction: <c>@timestamp</c>, flat dotted fields with typed values, and tags.
/// Fields keep insertion order; setting a field twice replaces its value. Serialised as nested JSON objects
/// (<c>http.response.status_code</c> becomes <c>{"http":{"response":{"status_code":…}}}</c>).
/// </summary>
public sealed class EcsDocument
{
    private readonly List<KeyValuePair<string, EcsValue>> _fields = new(24);
    private List<string>? _tags;

    private FieldIndex _index;

    /// <summary>The event time (<c>@timestamp</c>); written in UTC.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    public IReadOnlyList<KeyValuePair<string, EcsValue>> Fields => _fields;

    /// <summary>The fields as a span, for readers on the per-event path (no interface call nor copy per field).</summary>
    internal ReadOnlySpan<KeyValuePair<string, EcsValue>> FieldSpan => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_fields);

    /// <summary>
    /// Stored JSON keeps log text readable (no \u0022 for quotes): it is data, never embedded raw in HTML —
    /// the UI encodes what it shows.
    /// </summary>
    private static JsonWriterOptions WriterOptions { get; } = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public IReadOnlyList<string> Tags => (IReadOnlyList<string>?)_tags ?? [];

    public int Count => _fields.Count;

    public void Set(string field, string? value)
    {
        if (value is not null)
        {
            Put(field, EcsValue.From(value));
        }
    }

    public void Set(string field, long value) => Put(field, EcsValue.From(value));

    public void Set(string field, double value) => Put(field, EcsValue.From(value));

    public void Set(string field, bool value) => Put(field, EcsValue.From(value));

    public void Set(string field, EcsValue value) => Put(field, value);

    public bool Remove(string field)
    {
        var i = IndexOf(field);
        if (i < 0)
        {
            return false;
        }

        _fields.RemoveAt(i);
        _index.Rebuild(_fields);
        return true;
    }

    /// <summary>Takes back the fields added after the first <paramref name="count"/> and restores the time, so a format
    /// that matched part of a line before failing leaves only what the failure contract promises.</summary>
    internal void Truncate(int count, DateTimeOffset? timestamp)
    {
        if (count < _fields.Count)
        {
            _fields.RemoveRange(count, _fields.Count - count);
            _index.Rebuild(_fields);
        }

        Timestamp = timestamp;
    }

    /// <summary>Empties the document (fields, tags, time) so it can be reused.</summary>
    public void Clear()
    {
        _fields.Clear();
        _index.Clear();
        _tags?.Clear();
        Timestamp = null;
    }

    public void AddTag(string tag)
    {
        _tags ??= new List<string>(2);
        if (!_tags.Contains(tag))
        {
            _tags.Add(tag);
        }
    }

    public bool HasTag(string tag) => _tags is not null && _tags.Contains(tag);

    public bool TryGetValue(string field, out EcsValue value)
    {
        var i = IndexOf(field);
        if (i < 0)
        {
            value = default;
            return false;
        }

        value = _fields[i].Value;
        return true;
    }

    public string? GetString(string field) => TryGetValue(field, out var v) ? v.ToString() : null;

    public long? GetLong(string field) => TryGetValue(field, out var v) ? v.AsLong() : null;

    /// <summary>Writes the document as one JSON object: <c>@timestamp</c> first, then nested fields, then <c>tags</c>.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        EcsJsonWriter.Write(this, writer);
    }

    /// <summary>The document as a compact JSON string.</summary>
    public string ToJson() => JsonScratch.ToJson(this, WriterOptions);

    private void Put(string field, EcsValue value)
    {
        var i = _index.Find(field, _fields);
        if (i >= 0)
        {
            _fields[i] = new(field, value);
            return;
        }

        _fields.Add(new(field, value));
        _index.Add(field, _fields.Count - 1);
    }

    private int IndexOf(string field) => _index.Find(field, _fields);
}
