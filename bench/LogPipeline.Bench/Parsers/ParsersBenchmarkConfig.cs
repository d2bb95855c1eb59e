using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Bench.Parsers;

/// <summary>The job both parser benchmarks use (more iterations than usual: the machine is shared), plus Lines/s.</summary>
internal sealed class ParsersBenchmarkConfig : ManualConfig
{
    public ParsersBenchmarkConfig()
    {
        AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(15).WithLaunchCount(1));
        AddColumn(new LinesPerSecondColumn());
    }

    /// <summary>Parses every event into a fresh document; the field count keeps the work observable.</summary>
    public static int ParseAll(string[] events, Func<string, EcsDocument, bool> parse)
    {
        var fields = 0;
        foreach (var text in events)
        {
            var document = new EcsDocument();
            parse(text, document);
            fields += document.Count;
        }

        return fields;
    }
}
