using System.Text;
using LogPipeline.Parsers.Framing;
using LogPipeline.Shipper.Framing;

namespace LogPipeline.Shipper.Tests.Framing;

public sealed class FramerTests
{
    private static readonly MultilineRule Slow = new(@"^# Time: ", 5, 200, TimeSpan.FromSeconds(1));

    private static (List<string> Events, List<EventSlice> Slices, int Consumed) Frame(Framer framer, string text, long baseOffset = 0, bool flushRecord = false, bool flushPartial = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var slices = new List<EventSlice>();
        var consumed = framer.Frame(bytes, baseOffset, slices, flushRecord, flushPartial);
        return ([.. slices.Select(s => Encoding.UTF8.GetString(bytes, s.Start, s.Length))], slices, consumed);
    }

    [Fact]
    public void Frame_CompleteLines_OneEventEachWithOffsets()
    {
        var (events, slices, consumed) = Frame(new Framer(1024, null), "a\nbb\nccc\n", baseOffset: 100);

        Assert.Equal(["a", "bb", "ccc"], events);
        Assert.Equal([100L, 102L, 105L], slices.Select(s => s.FileOffset));
        Assert.Equal(109, slices[^1].NextOffset);
        Assert.Equal(9, consumed);
    }

    [Fact]
    public void Frame_PartialLastLine_WaitsUntilFlushed()
    {
        var framer = new Framer(1024, null);

        var (events, _, consumed) = Frame(framer, "a\npart");
        Assert.Equal(["a"], events);
        Assert.Equal(2, consumed);

        var (flushed, slices, all) = Frame(framer, "part", baseOffset: 2, flushPartial: true);
        Assert.Equal(["part"], flushed);
        Assert.Equal(6, slices[0].NextOffset);
        Assert.Equal(4, all);
    }

    [Fact]
    public void Frame_CrLfAndInvalidUtf8_KeptByteForByte()
    {
        var bytes = new byte[] { (byte)'x', (byte)'\r', (byte)'\n', 0xff, 0xfe, (byte)'\n' };
        var slices = new List<EventSlice>();

        new Framer(1024, null).Frame(bytes, 0, slices, false, false);

        Assert.Equal([(byte)'x', (byte)'\r'], bytes.AsSpan(slices[0].Start, slices[0].Length).ToArray());
        Assert.Equal([0xff, 0xfe], bytes.AsSpan(slices[1].Start, slices[1].Length).ToArray());
    }

    [Fact]
    public void Frame_LineLongerThanMax_SplitIntoTaggedPartsNothingLost()
    {
        var framer = new Framer(4, null);

        var (events, slices, consumed) = Frame(framer, "abcdefghij\nok\n");

        Assert.Equal(["abcd", "efgh", "ij", "ok"], events);
        Assert.Equal([true, true, true, false], slices.Select(s => s.Split));
        Assert.Equal([0L, 4L, 8L, 11L], slices.Select(s => s.FileOffset));
        Assert.Equal(14, consumed);
    }

    [Fact]
    public void Frame_LongLineAcrossReads_PartsContinueTagged()
    {
        var framer = new Framer(4, null);

        var (first, _, consumed) = Frame(framer, "abcdef");
        Assert.Equal(["abcd"], first);
        Assert.Equal(4, consumed);

        var (rest, slices, _) = Frame(framer, "ef\n", baseOffset: 4);
        Assert.Equal(["ef"], rest);
        Assert.True(slices[0].Split);
    }

    [Fact]
    public void Frame_MultilineRecords_CutAtStartLines()
    {
        var framer = new Framer(1024, Slow);
        const string text = "# Time: 1\n# User: a\nSELECT 1;\n# Time: 2\nSELECT 2;\n";

        var (events, slices, consumed) = Frame(framer, text);

        Assert.Equal(["# Time: 1\n# User: a\nSELECT 1;"], events);
        Assert.Equal(30, slices[0].NextOffset);
        Assert.Equal(30, consumed);
        Assert.True(framer.HasPendingRecord);

        var (last, lastSlices, _) = Frame(framer, text[30..], baseOffset: 30, flushRecord: true);
        Assert.Equal(["# Time: 2\nSELECT 2;"], last);
        Assert.Equal(text.Length, lastSlices[0].NextOffset);
    }

    [Fact]
    public void Frame_MultilineBeyondMaxLines_CutsRecord()
    {
        var framer = new Framer(1024, Slow);

        var (events, _, _) = Frame(framer, "# Time: 1\n1\n2\n3\n4\n5\n6\n", flushRecord: true);

        Assert.Equal(["# Time: 1\n1\n2\n3\n4", "5\n6"], events);
    }

    [Fact]
    public void Frame_MultilinePendingAcrossCalls_ContinuesScanning()
    {
        var framer = new Framer(1024, Slow);
        var (none, _, consumed) = Frame(framer, "# Time: 1\nA\n");
        Assert.Empty(none);
        Assert.Equal(0, consumed);

        var (events, _, _) = Frame(framer, "# Time: 1\nA\nB\n# Time: 2\n");

        Assert.Equal(["# Time: 1\nA\nB"], events);
    }

    // Written for these tests in the layout MariaDB's slow log uses: "# Time:" only when the second changed, then
    // "# User@Host:" and the other comment lines, then the statement.
    private const string SlowRecordWithTime =
        "# Time: 261122  8:00:01\n# User@Host: wp[wp] @ localhost []\n# Thread_id: 7  Schema: shop  QC_hit: No\n" +
        "# Query_time: 0.000210  Lock_time: 0.000045  Rows_sent: 1  Rows_examined: 1\nSET timestamp=1795766401;\n" +
        "SELECT 1;\n";

    private const string SlowRecordWithoutTime =
        "# User@Host: wp[wp] @ localhost []\n# Thread_id: 7  Schema: shop  QC_hit: No\n" +
        "# Query_time: 0.000120  Lock_time: 0.000020  Rows_sent: 0  Rows_examined: 0\nSET timestamp=1795766401;\n" +
        "SELECT 2;\n";

    [Fact]
    public void Frame_SlowLogTimeLine_JoinsUserHostLineIntoOneRecord()
    {
        var framer = new Framer(1024, FramingRules.For("mysql.slowlog"));

        var (events, slices, _) = Frame(framer, SlowRecordWithTime + SlowRecordWithoutTime, flushRecord: true);

        Assert.Equal([SlowRecordWithTime.TrimEnd('\n'), SlowRecordWithoutTime.TrimEnd('\n')], events);
        Assert.Equal(SlowRecordWithTime.Length, slices[1].FileOffset);
    }

    [Fact]
    public void Frame_SlowLogTimeLineAtEndOfRead_NextReadStillJoins()
    {
        var framer = new Framer(1024, FramingRules.For("mysql.slowlog"));
        var timeLine = SlowRecordWithTime[..(SlowRecordWithTime.IndexOf('\n') + 1)];

        var (none, _, consumed) = Frame(framer, timeLine);
        Assert.Empty(none);
        Assert.Equal(0, consumed);

        var (events, _, _) = Frame(framer, SlowRecordWithTime + SlowRecordWithoutTime);

        Assert.Equal([SlowRecordWithTime.TrimEnd('\n')], events);
    }

    [Fact]
    public void Frame_JoinLineFlushedAlone_NextStartLineBeginsNewRecord()
    {
        var framer = new Framer(1024, FramingRules.For("mysql.slowlog"));
        var timeLine = SlowRecordWithTime[..(SlowRecordWithTime.IndexOf('\n') + 1)];

        var (flushed, _, consumed) = Frame(framer, timeLine, flushRecord: true);
        var (events, _, _) = Frame(framer, SlowRecordWithoutTime, baseOffset: consumed, flushRecord: true);

        Assert.Equal([timeLine.TrimEnd('\n')], flushed);
        Assert.Equal([SlowRecordWithoutTime.TrimEnd('\n')], events);
    }

    /// <summary>
    /// A slow log our own MariaDB 10.11 wrote (tests/realservers), kept as the parsers' golden file: the shipper must
    /// cut it into the same events as the parsers' expected documents hold, record for record.
    /// </summary>
    [Fact]
    public void Frame_RealMariaDbSlowLog_SameEventsAsTheParsersGoldenFile()
    {
        var golden = Path.Combine(RepositoryRoot(), "tests", "Parsers.Tests", "Golden", "mysql.slowlog");
        var bytes = File.ReadAllBytes(Path.Combine(golden, "mariadb1011_server.log"));
        var expected = File.ReadAllLines(Path.Combine(golden, "mariadb1011_server.ndjson"))
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("message").GetString()).ToList();
        var slices = new List<EventSlice>();

        new Framer(1 << 20, FramingRules.For("mysql.slowlog")).Frame(bytes, 0, slices, flushRecord: true, flushPartial: true);

        Assert.Equal(expected, slices.Select(s => Encoding.UTF8.GetString(bytes, s.Start, s.Length)));
        Assert.Contains(expected, e => e!.StartsWith("# Time: ", StringComparison.Ordinal) && e.Contains("\n# User@Host: ", StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "parsers")) && Directory.Exists(Path.Combine(dir.FullName, "shipper")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no repository root above {AppContext.BaseDirectory}");
    }
}
