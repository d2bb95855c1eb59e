namespace LogPipeline.Store.Tests.Support;

/// <summary>One event of the generated query data set, with the values the test oracles look at.</summary>
internal sealed record Sample(
    string Id,
    DateTimeOffset Time,
    string Host,
    string Dataset,
    string? Ip,
    string? Method,
    int? Status,
    long? Bytes,
    string? Path,
    string? Url,
    string? UserAgent,
    string Message,
    string? Backend,
    long? ThreadId,
    string? Kind,
    IReadOnlyList<string> Tags)
{
    /// <summary>The words of message and URL as the full-text index sees them: split on non-alphanumerics, lowercased.</summary>
    public IReadOnlySet<string> Words { get; } = WordsOf(Message + " " + Url);

    public static HashSet<string> WordsOf(string text) =>
        text.Split(c => !char.IsLetterOrDigit(c)).Where(w => w.Length > 0).Select(w => w.ToLowerInvariant()).ToHashSet();

    public bool HasPhrase(string phrase)
    {
        var want = Sequence(phrase);
        return Contains(Sequence(Message), want) || Contains(Sequence(Url ?? string.Empty), want);
    }

    private static string[] Sequence(string text) =>
        text.Split(c => !char.IsLetterOrDigit(c)).Where(w => w.Length > 0).Select(w => w.ToLowerInvariant()).ToArray();

    private static bool Contains(string[] haystack, string[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return true;
            }
        }

        return false;
    }
}

internal static class StringSplitExtensions
{
    public static string[] Split(this string text, Func<char, bool> isSeparator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || isSeparator(text[i]))
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        return parts.ToArray();
    }
}
