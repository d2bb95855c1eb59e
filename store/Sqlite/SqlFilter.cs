using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

/// <summary>
/// A compiled WHERE condition over one day's <c>events</c> table: SQL text that refers to values only through the
/// parameters <c>$p0</c>, <c>$p1</c>, … — user text is never part of <see cref="Where"/>.
/// </summary>
internal sealed class SqlFilter
{
    public SqlFilter(string where, IReadOnlyList<object> parameters)
    {
        Where = where;
        Parameters = parameters;
    }

    public static SqlFilter All { get; } = new("1", []) { OnlyMinuteColumns = true };

    /// <summary>True when the whole condition is one FTS5 MATCH whose expression is <c>$p0</c>.</summary>
    public bool IsTextOnly { get; init; }

    /// <summary>
    /// True when <see cref="Where"/> reads only the host, dataset and status columns, so that a day file's
    /// <c>minutes</c> table can evaluate it (<see cref="MinuteTable"/>).
    /// </summary>
    public bool OnlyMinuteColumns { get; init; }

    public string Where { get; }

    public IReadOnlyList<object> Parameters { get; }

    public static string ParameterName(int index) => "$p" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Bind(SqliteCommand command)
    {
        for (var i = 0; i < Parameters.Count; i++)
        {
            command.Parameters.AddWithValue(ParameterName(i), Parameters[i]);
        }
    }
}
