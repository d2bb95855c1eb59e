using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace LogPipeline.Bench.Store;

/// <summary>Each invocation is one whole query or tool run, measured separately, so Median and P95 are latencies.</summary>
internal class PerRunConfig : ManualConfig
{
    protected PerRunConfig(string id, int warmups, int iterations)
    {
        AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithInvocationCount(1).WithUnrollFactor(1)
            .WithWarmupCount(warmups).WithIterationCount(iterations).WithId(id));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95);
    }
}
