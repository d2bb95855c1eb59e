using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LogPipeline.Store;
using Microsoft.Extensions.DependencyInjection;

namespace LogPipeline.Ingest.Tests.Endpoints;

/// <summary>Default limits: a 100 MB body is refused without being kept, a 1 MB log line is stored whole.</summary>
public sealed class LargeRequestTests : IAsyncLifetime
{
    private IngestHost _host = null!;

    public async Task InitializeAsync() => _host = await IngestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_100MegabyteChunkedBody_Is413NamingTheLimit()
    {
        using var content = new StreamContent(new RepeatingStream(Encoding.UTF8.GetBytes("{\"id\":\"x\",\"host\":\"h\",\"dataset\":\"apache.access\",\"message\":\"filler\"}\n"), 100L * 1024 * 1024));

        try
        {
            using var response = await _host.PostBatchAsync(content);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Contains("MaxRequestBytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        catch (HttpRequestException)
        {
            // Ingest answered 413 and closed the connection while the client was still sending the rest.
        }

        // Either way: refused, nothing stored, and the service still answers.
        var metrics = await _host.Client.GetStringAsync("/metrics");
        Assert.Contains("logpipeline_ingest_batches_refused_total 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("logpipeline_ingest_events_received_total 0\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OneMegabyteLine_IsStoredWhole()
    {
        var line = new string('a', 1024 * 1024);
        var batch = new JsonObject { ["id"] = "big1", ["host"] = "h", ["dataset"] = "apache.access", ["message"] = line }.ToJsonString() + "\n";

        using var response = await _host.PostBatchAsync(IngestHost.Gzip(batch));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var search = _host.Services.GetRequiredService<ILogSearch>();
        var now = TimeProvider.System.GetUtcNow();
        var hit = Assert.Single((await search.SearchAsync(new SearchRequest { From = now.AddHours(-1), To = now.AddHours(1) }, CancellationToken.None)).Hits);
        Assert.Equal(line, (string?)JsonNode.Parse(hit.DocumentJson)!["message"]);
    }

    /// <summary>A body of <c>length</c> bytes made of one chunk repeated, produced as it is read (no 100 MB buffer).</summary>
    private sealed class RepeatingStream(byte[] chunk, long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = chunk[(_position + i) % chunk.Length];
            }

            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
