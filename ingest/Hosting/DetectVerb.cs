using System.Runtime.CompilerServices;
using LogPipeline.Ingest.Detection;
using LogPipeline.Ingest.Pipeline;
using LogPipeline.Parsers.Ecs;
using LogPipeline.Store;
using LogPipeline.Store.Sqlite;

namespace LogPipeline.Ingest.Hosting;

/// <summary>
/// <c>ingest detect [--data-dir DIR] --from … --to … [--rules FILE] [--json]</c>: replays the detection rules over the
/// events stored in the embedded store, oldest first, and prints what would have fired.
/// </summary>
internal static class DetectVerb
{
    private static readonly TimeSpan Slice = TimeSpan.FromHours(1);

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var dataDir = "data";
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--data-dir" && i + 1 < args.Length)
            {
                dataDir = args[++i];
            }
            else if (args[i].StartsWith("--data-dir=", StringComparison.Ordinal))
            {
                dataDir = args[i]["--data-dir=".Length..];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        if (!Directory.Exists(dataDir))
        {
            await Console.Error.WriteLineAsync($"ingest detect: --data-dir '{dataDir}' does not exist: give the ingest's data directory");
            return IngestProgram.BadUsage;
        }

        using var store = new SqliteLogStore(new SqliteStoreOptions { DataDirectory = dataDir, ReadOnly = true }, TimeProvider.System);
        return await DetectCommand.RunAsync(rest, (from, to, ct) => ReadAscendingAsync(store, from, to, ct), Console.Out, Console.Error, TimeProvider.System, cancellationToken);
    }

    /// <summary>
    /// Stored events in [from, to), oldest first. Searches return newest first, so the range is read in one-hour
    /// slices, each paged to its end and replayed in reverse: memory is bounded by one hour of events.
    /// </summary>
    internal static async IAsyncEnumerable<EcsDocument> ReadAscendingAsync(ILogSearch search, DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var start = from; start < to; start += Slice)
        {
            var end = start + Slice < to ? start + Slice : to;
            var hits = new List<SearchHit>();
            string? cursor = null;
            do
            {
                var page = await search.SearchAsync(new SearchRequest { From = start, To = end, Size = 1000, Cursor = cursor, TotalCap = 1 }, cancellationToken);
                hits.AddRange(page.Hits);
                cursor = page.NextCursor;
            }
            while (cursor is not null);

            for (var i = hits.Count - 1; i >= 0; i--)
            {
                var document = EcsJsonReader.Read(hits[i].DocumentJson);
                document.Timestamp = hits[i].Timestamp;
                yield return document;
            }
        }
    }
}
