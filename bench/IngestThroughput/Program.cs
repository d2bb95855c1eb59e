using LogPipeline.Bench.Ingest;

// dotnet run -c Release --project bench/IngestThroughput -- [steps|store|e2e|all] [--events N]
var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var events = args.SkipWhile(a => a != "--events").Skip(1).Select(int.Parse).FirstOrDefault(1_000_000);
var work = Directory.CreateTempSubdirectory("logpipeline-bench-").FullName;
try
{
    Console.WriteLine($"events: {events:N0}, cores: {Environment.ProcessorCount}, work dir: {work}");
    if (mode is "steps" or "all")
    {
        await Steps.RunAsync(events);
    }

    if (mode is "store" or "all")
    {
        await ParseAndStore.RunAsync(events, work);
    }

    if (mode is "e2e" or "all")
    {
        await EndToEnd.RunAsync(events, work);
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}
