using System.Threading.Channels;
using LogPipeline.Shipper.Batching;
using LogPipeline.Shipper.Configuration;
using LogPipeline.Shipper.Framing;

namespace LogPipeline.Shipper.Tests.Batching;

public sealed class BatcherTests
{
    private static (Channel<EventChunk> In, Channel<Batch> Out, Task Run) Start(BatchOptions options)
    {
        var input = Channel.CreateBounded<EventChunk>(new BoundedChannelOptions(4) { FullMode = BoundedChannelFullMode.Wait });
        var output = Channel.CreateBounded<Batch>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.Wait });
        var batcher = new Batcher(options, "h", input.Reader, output.Writer, TimeProvider.System);
        return (input, output, batcher.RunAsync(CancellationToken.None));
    }

    private static byte[][] Lines(int count) => [.. Enumerable.Range(0, count).Select(i => System.Text.Encoding.UTF8.GetBytes($"line {i}"))];

    [Fact]
    public async Task Run_MoreEventsThanMaxEvents_CutsByCount()
    {
        var (input, output, run) = Start(new BatchOptions { MaxEvents = 3, MaxAge = TimeSpan.FromMinutes(5) });

        await input.Writer.WriteAsync(ChunkBuilder.Lines(ChunkBuilder.File(), ChunkBuilder.Input(), 0, Lines(7)));
        input.Writer.Complete();
        await run;

        var batches = await output.Reader.ReadAllAsync().ToListAsync();
        Assert.Equal([3, 3, 1], batches.Select(b => b.Events));
    }

    [Fact]
    public async Task Run_ByteLimit_CutsByBytes()
    {
        var (input, output, run) = Start(new BatchOptions { MaxEvents = 1000, MaxBytes = 1024, MaxAge = TimeSpan.FromMinutes(5) });
        var big = Enumerable.Range(0, 4).Select(_ => new byte[700]).Select(b => { Array.Fill(b, (byte)'x'); return b; }).ToArray();

        await input.Writer.WriteAsync(ChunkBuilder.Lines(ChunkBuilder.File(), ChunkBuilder.Input(), 0, big));
        input.Writer.Complete();
        await run;

        var batches = await output.Reader.ReadAllAsync().ToListAsync();
        Assert.Equal([2, 2], batches.Select(b => b.Events));
    }

    [Fact]
    public async Task Run_FewEvents_FlushedByAgeWhileInputStaysOpen()
    {
        var (input, output, run) = Start(new BatchOptions { MaxEvents = 1000, MaxAge = TimeSpan.FromMilliseconds(100) });

        await input.Writer.WriteAsync(ChunkBuilder.Lines(ChunkBuilder.File(), ChunkBuilder.Input(), 0, Lines(2)));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var batch = await output.Reader.ReadAsync(deadline.Token);

        Assert.Equal(2, batch.Events);
        Assert.False(run.IsCompleted);
        input.Writer.Complete();
        await run;
    }
}
