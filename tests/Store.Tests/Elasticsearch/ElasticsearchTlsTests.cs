using LogPipeline.Store.Elasticsearch;
using LogPipeline.Store.Tests.Support;

namespace LogPipeline.Store.Tests.Elasticsearch;

/// <summary>TLS against a real handshake on loopback: the CA file is what makes the cluster's certificate trusted.</summary>
public sealed class ElasticsearchTlsTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly TlsTestServer _server;

    public ElasticsearchTlsTests() => _server = new TlsTestServer(_directory.Path);

    public void Dispose()
    {
        _server.Dispose();
        _directory.Dispose();
    }

    private ElasticsearchLogStore Open(Action<ElasticsearchStoreOptions> configure)
    {
        var options = new ElasticsearchStoreOptions
        {
            Urls = [_server.Url],
            DeadLetterPath = Path.Combine(_directory.Path, "dead.ndjson"),
            MaxRetries = 0,
            RequestTimeout = TimeSpan.FromSeconds(20),
        };
        configure(options);
        return new ElasticsearchLogStore(options, new FakeTimeProvider(Events.Day0));
    }

    [Fact]
    public async Task InitializeAsync_CaFileOfTheSigningCa_TrustsTheCluster()
    {
        using var store = Open(o => o.CaFile = _server.CaFile);

        var info = await store.InitializeAsync(CancellationToken.None);

        Assert.Equal("8.15.3", info.Version);
    }

    [Fact]
    public async Task InitializeAsync_NoCaFile_RefusesTheUnknownCertificateClearly()
    {
        using var store = Open(_ => { });

        var error = await Assert.ThrowsAsync<ElasticsearchStoreException>(() => store.InitializeAsync(CancellationToken.None));

        Assert.Contains("no answer from " + _server.Url.GetLeftPart(UriPartial.Authority), error.Message);
        Assert.Contains("SSL", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task InitializeAsync_CaFileOfAnotherCa_RefusesTheCertificate()
    {
        using var other = new TempDirectory();
        using var otherServer = new TlsTestServer(other.Path);
        using var store = Open(o => o.CaFile = otherServer.CaFile);

        await Assert.ThrowsAsync<ElasticsearchStoreException>(() => store.InitializeAsync(CancellationToken.None));
    }

    [Fact]
    public async Task InitializeAsync_CaFileButAnotherHostName_RefusesTheCertificate()
    {
        using var store = Open(o => (o.CaFile, o.Urls) = (_server.CaFile, [new Uri($"https://127.0.0.1:{_server.Url.Port}")]));

        await Assert.ThrowsAsync<ElasticsearchStoreException>(() => store.InitializeAsync(CancellationToken.None));
    }

    [Fact]
    public async Task InitializeAsync_InsecureSkipVerify_AcceptsAnyCertificate()
    {
        using var store = Open(o => o.InsecureSkipVerify = true);

        var info = await store.InitializeAsync(CancellationToken.None);

        Assert.Equal("logpipeline-test", info.ClusterName);
    }

    [Fact]
    public void Ctor_CaFileNotPem_ThrowsNamingTheFile()
    {
        var path = Path.Combine(_directory.Path, "not-a-ca.txt");
        File.WriteAllText(path, "hello");

        var error = Assert.Throws<ElasticsearchStoreException>(() => Open(o => o.CaFile = path));

        Assert.Contains("not-a-ca.txt", error.Message);
    }
}
