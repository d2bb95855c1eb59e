using System.Text;
using LogPipeline.Parsers.Tool;

namespace LogPipeline.Parsers.Tests.Golden;

public sealed class GoldenTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (dataset, name) in GoldenFiles.All())
        {
            data.Add(dataset, name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_GoldenLog_ProducesExpectedDocuments(string dataset, string name)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        // Stamps without a zone are read at +01:00 so that the conversion to UTC shows in every expected file.
        // Cases under Golden/auto/ go through format detection.
        string[] args = ["--format", dataset, "--timezone", "+01:00", GoldenFiles.LogPath(dataset, name)];
        var exit = ParseTool.Run(args, path => new StreamReader(path, Encoding.UTF8), TextReader.Null, stdout, stderr, FixedClock.Default);

        Assert.Equal(string.Empty, stderr.ToString());
        Assert.Equal(0, exit);
        var actual = stdout.ToString();
        if (GoldenFiles.Updating)
        {
            GoldenFiles.Update(dataset, name, actual);
            return;
        }

        var expected = File.ReadAllText(GoldenFiles.ExpectedPath(dataset, name));
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Min(expectedLines.Length, actualLines.Length); i++)
        {
            Assert.True(expectedLines[i] == actualLines[i], $"{dataset}/{name} event {i + 1}\nexpected: {expectedLines[i]}\nactual:   {actualLines[i]}");
        }

        Assert.Equal(expectedLines.Length, actualLines.Length);
    }

    [Fact]
    public void GoldenCases_EveryDataset_HasAtLeastOneCase()
    {
        var datasets = GoldenFiles.All().Select(c => c.Dataset).ToHashSet(StringComparer.Ordinal);
        var library = new FormatLibrary();
        foreach (var dataset in library.Datasets)
        {
            Assert.Contains(dataset, datasets);
        }
    }
}
