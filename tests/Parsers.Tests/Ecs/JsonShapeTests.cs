using System.Globalization;
using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Parsers.Tests.Ecs;

public sealed class JsonShapeTests
{
    [Fact]
    public void ToJson_ShapesOfTheSameSizeInTurn_EachWrittenWithItsOwnNames()
    {
        var expected = new List<string>();
        var actual = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var document = new EcsDocument();
            var n = (i % 3).ToString(CultureInfo.InvariantCulture);

            // Names built at run time: equal by value to earlier ones, never the same instance.
            document.Set(string.Concat("x.", n), i);
            document.Set(i % 2 == 0 ? "x.z" : "y", "v");
            expected.Add(i % 2 == 0
                ? "{\"x\":{\"" + n + "\":" + i.ToString(CultureInfo.InvariantCulture) + ",\"z\":\"v\"}}"
                : "{\"x\":{\"" + n + "\":" + i.ToString(CultureInfo.InvariantCulture) + "},\"y\":\"v\"}");
            actual.Add(document.ToJson());
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ToJson_MoreShapesThanTheTableHolds_AllWrittenExactly()
    {
        for (var i = 0; i < 40; i++)
        {
            var document = new EcsDocument();
            document.Set("a.b", 1L);
            document.Set(string.Concat("f", i.ToString(CultureInfo.InvariantCulture), ".g"), "\u00e9\"");

            Assert.Equal("{\"a\":{\"b\":1},\"f" + i.ToString(CultureInfo.InvariantCulture) + "\":{\"g\":\"\u00e9\\\"\"}}", document.ToJson());
        }
    }
}
