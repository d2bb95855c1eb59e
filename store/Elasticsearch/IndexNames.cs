using System.Globalization;
using System.Text;

namespace LogPipeline.Store.Elasticsearch;

/// <summary>
/// Where an event goes. Data streams follow Elastic's naming scheme <c>&lt;prefix&gt;-&lt;dataset&gt;-&lt;namespace&gt;</c>
/// (each part lowercase, without '-', at most 100 characters); daily indices add the event's UTC day
/// (<c>logs-apache.access-default-2026.11.22</c>), so a re-sent event lands in the same index and is found there.
/// </summary>
internal sealed class IndexNames(string prefix, string @namespace, bool daily)
{
    public string Prefix => prefix;

    public string Namespace => @namespace;

    public bool Daily => daily;

    private const int MaxPartLength = 100;
    private const string FallbackDataset = "generic";

    /// <summary>The pattern every name this store writes matches (index templates, searches).</summary>
    public string Pattern => daily ? $"{prefix}-*-{@namespace}-*" : $"{prefix}-*-{@namespace}";

    /// <summary>The name of the index or data stream for one event.</summary>
    public string For(LogRecord record)
    {
        var name = $"{prefix}-{Dataset(record.Dataset)}-{@namespace}";
        return daily
            ? name + "-" + record.Timestamp.UtcDateTime.ToString("yyyy.MM.dd", CultureInfo.InvariantCulture)
            : name;
    }

    /// <summary>
    /// The dataset as a name part: lowercase, with '-' and the characters index names forbid replaced by '_';
    /// <c>generic</c> when the event has none (as Elastic's own integrations do).
    /// </summary>
    public static string Dataset(string? dataset)
    {
        if (string.IsNullOrWhiteSpace(dataset))
        {
            return FallbackDataset;
        }

        var builder = new StringBuilder(Math.Min(dataset.Length, MaxPartLength));
        foreach (var c in dataset.Trim())
        {
            if (builder.Length == MaxPartLength)
            {
                break;
            }

            builder.Append(IsAllowed(c) ? char.ToLowerInvariant(c) : '_');
        }

        return builder.ToString();
    }

    /// <summary>Errors for a configured name part (prefix, namespace), each naming <paramref name="key"/>.</summary>
    public static IEnumerable<string> ValidateNamePart(string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            yield return $"{key} is empty: it becomes part of every index name (e.g. 'default').";
            yield break;
        }

        if (value.Length > MaxPartLength || value.Any(c => !IsAllowed(c) || char.IsUpper(c)) || value[0] is '_' or '+' or '.')
        {
            yield return $"{key} is '{value}': use at most {MaxPartLength} lowercase letters, digits, '.' or '_' (no '-', spaces or \\/*?\"<>|,#:), not starting with '_', '+' or '.'.";
        }
    }

    private static bool IsAllowed(char c) =>
        c < 128 && (char.IsAsciiLetterOrDigit(c) || c is '.' or '_');
}
