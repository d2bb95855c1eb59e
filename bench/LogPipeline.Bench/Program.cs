using BenchmarkDotNet.Running;
using LogPipeline.Bench.Store;

if (args is ["generate-store", .. var rest])
{
    return await StoreDataGenerator.RunAsync(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
