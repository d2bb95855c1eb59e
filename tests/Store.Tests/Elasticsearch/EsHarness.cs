using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using LogPipeline.Store.Elasticsearch;
using LogPipeline.Store.Tests.Support;

namespace LogPipeline.Store.Tests.Elasticsearch;

/// <summary>A store wired to a <see cref="FakeElasticsearch"/>, with backoff waits recorded instead of slept.</summary>
internal sealed class EsHarness : IDisposable
{
    private readonly TempDirectory _directory = new();
    private ElasticsearchLogStore? _store;

    public EsHarness(Action<ElasticsearchStoreOptions>? configure = null)
    {
        Options = new ElasticsearchStoreOptions
        {
            Urls = [new Uri("http://es1.test:9200")],
            Username = "ingest",
            Password = "s3cret",
            DeadLetterPath = Path.Combine(_directory.Path, "dead-letter.ndjson"),
            MaxRetries = 3,
        };
        configure?.Invoke(Options);
    }

    public ElasticsearchStoreOptions Options { get; }

    public FakeElasticsearch Cluster { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Events.Day0.AddDays(1));

    public List<TimeSpan> Waits { get; } = [];

    public ElasticsearchLogStore Store => _store ??= new ElasticsearchLogStore(
        Options, Clock, Cluster, (wait, _) => { Waits.Add(wait); return Task.CompletedTask; }, new Random(42));

    public string[] DeadLetters => File.Exists(Options.DeadLetterPath) ? File.ReadAllLines(Options.DeadLetterPath) : [];

    public void Dispose()
    {
        _store?.Dispose();
        _directory.Dispose();
    }

    /// <summary>A file next to this source file, under Golden/.</summary>
    public static string Golden(string name, [CallerFilePath] string source = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(source)!, "Golden", name)).ReplaceLineEndings("\n");

    /// <summary>Asserts two JSON texts are the same value (property order and spacing aside).</summary>
    public static void AssertSameJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"expected:\n{expected}\nactual:\n{actual}");
}
