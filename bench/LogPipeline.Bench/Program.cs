using BenchmarkDotNet.Running;
using LogPipeline.Bench.Detection;
using LogPipeline.Bench.Store;

if (args is ["generate-store", .. var rest])
{
    return await StoreDataGenerator.RunAsync(rest);
}

if (args is ["detection-overhead", ..])
{
    return PairedOverhead.Run(Console.Out);
}

// Not typeof(Program): the bench references ingest, whose top-level Program is visible here too (InternalsVisibleTo).
BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
return 0;
