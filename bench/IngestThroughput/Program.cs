using LogPipeline.Bench.Ingest;

// dotnet run -c Release --project bench/IngestThroughput -- [steps|rows|store|e2e|all] [--events N] [--shipper jit|r2r|both]
// --shipper: which build of the shipper the end-to-end part starts (both: one after the other, in that order).
// --in-flight N: the shipper's ingest.max_in_flight and ingest's MaxConcurrentBatches (default: the products' defaults).
var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !IsValueOf(a)) ?? "all";
var events = args.SkipWhile(a => a != "--events").Skip(1).Select(int.Parse).FirstOrDefault(1_000_000);
var shipper = args.SkipWhile(a => a != "--shipper").Skip(1).FirstOrDefault(ShipperBuild.ReadyToRun);
var inFlight = args.SkipWhile(a => a != "--in-flight").Skip(1).Select(int.Parse).FirstOrDefault(0);
string[] forms = shipper == "both" ? [ShipperBuild.Jit, ShipperBuild.ReadyToRun] : [shipper];
var work = Directory.CreateTempSubdirectory("logpipeline-bench-").FullName;
try
{
    Console.WriteLine($"events: {events:N0}, cores: {Environment.ProcessorCount}, work dir: {work}");
    if (mode is "steps" or "all")
    {
        await Steps.RunAsync(events);
    }

    if (mode is "rows" or "all")
    {
        RowWrites.Run(events, work);
    }

    if (mode is "store" or "all")
    {
        await ParseAndStore.RunAsync(events, work);
    }

    if (mode is "e2e" or "all")
    {
        await EndToEnd.RunAsync(events, work, forms, inFlight);
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

bool IsValueOf(string arg) => Array.IndexOf(args, arg) is > 0 and var i && args[i - 1] is "--events" or "--shipper" or "--in-flight";
