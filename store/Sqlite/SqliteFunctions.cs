using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using LogPipeline.Store.Query;
using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

/// <summary>
/// Functions the compiled queries call, registered on every reader connection: <c>lp_regexp(pattern, ignoreCase,
/// value)</c>, a whole-value match with .NET's non-backtracking engine (linear time, whatever the pattern).
/// </summary>
internal static class SqliteFunctions
{
    private const int MaxCached = 256;
    private static readonly ConcurrentDictionary<(string, bool), Regex> Cache = new();

    public static void Register(SqliteConnection connection) =>
        connection.CreateFunction<string, long, string?, bool>(
            "lp_regexp", (pattern, ignoreCase, value) => value is not null && RegexFor(pattern, ignoreCase != 0).IsMatch(value), isDeterministic: true);

    private static Regex RegexFor(string pattern, bool ignoreCase)
    {
        if (Cache.TryGetValue((pattern, ignoreCase), out var regex))
        {
            return regex;
        }

        if (Cache.Count >= MaxCached)
        {
            Cache.Clear();
        }

        return Cache.GetOrAdd((pattern, ignoreCase), key => LuceneRegex.Create(key.Item1, key.Item2));
    }
}
