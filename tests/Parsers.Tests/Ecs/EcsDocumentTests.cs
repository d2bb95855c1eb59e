using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Parsers.Tests.Ecs;

public sealed class EcsDocumentTests
{
    [Fact]
    public void Set_SameFieldTwice_ReplacesValueInPlace()
    {
        var document = new EcsDocument();
        document.Set("a.b", "first");
        document.Set("x", 1L);
        document.Set("a.b", "second");

        Assert.Equal(2, document.Count);
        Assert.Equal("second", document.GetString("a.b"));
        Assert.Equal("a.b", document.Fields[0].Key);
    }

    [Fact]
    public void Set_ManyFieldsSharingLengthAndLastLetter_AllKeptDistinct()
    {
        var document = new EcsDocument();
        string[] names = ["aa", "ba", "ca", "da", "ea", "fa", "ga", "ha"];
        foreach (var name in names)
        {
            document.Set(name, name);
        }

        document.Set("ca", "again");

        Assert.Equal(names.Length, document.Count);
        Assert.Equal("again", document.GetString("ca"));
        Assert.Equal("ha", document.GetString("ha"));
    }

    [Fact]
    public void RemoveAndClear_ThenSet_FieldsAddedAgain()
    {
        var document = new EcsDocument { Timestamp = DateTimeOffset.UnixEpoch };
        document.Set("k", 1.5);
        document.AddTag("t");

        Assert.True(document.Remove("k"));
        Assert.False(document.TryGetValue("k", out _));
        document.Set("k", true);
        Assert.Equal(EcsValue.From(true), document.Fields.Single().Value);
        document.Clear();

        Assert.Equal(0, document.Count);
        Assert.Empty(document.Tags);
        Assert.Null(document.Timestamp);
        Assert.Null(document.GetString("k"));
    }

    [Fact]
    public void Set_MoreFieldsThanTheIndexHolds_LookupsStayCorrect()
    {
        var document = new EcsDocument();
        for (var i = 0; i < 300; i++)
        {
            document.Set("f." + i, (long)i);
        }

        document.Set("f.7", "seven");
        Assert.True(document.Remove("f.150"));
        document.Set("f.299", -1L);

        Assert.Equal(299, document.Count);
        Assert.Equal("seven", document.GetString("f.7"));
        Assert.Null(document.GetString("f.150"));
        Assert.Equal(-1, document.GetLong("f.299"));
        Assert.Equal(42, document.GetLong("f.42"));
    }

    [Theory]
    [InlineData(1.25)]
    [InlineData(-0.000001)]
    [InlineData(1e300)]
    public void EcsValue_Double_RoundTrips(double value)
    {
        var ecs = EcsValue.From(value);

        Assert.Equal(value, ecs.AsDouble());
        Assert.Equal(EcsValue.From(value), ecs);
        Assert.NotEqual(EcsValue.From((long)value), ecs);
    }
}
