using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace LogPipeline.Bench.Parsers;

/// <summary>Events per second on one core: 1 s divided by the mean time of one operation (one event).</summary>
internal sealed class LinesPerSecondColumn : IColumn
{
    public string Id => nameof(LinesPerSecondColumn);

    public string ColumnName => "Lines/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Events parsed per second on one core (1 s / Mean)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        summary[benchmarkCase]?.ResultStatistics is { Mean: > 0 } stats
            ? (1e9 / stats.Mean).ToString("N0", CultureInfo.InvariantCulture)
            : "-";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
