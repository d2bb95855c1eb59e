using LogPipeline.Shipper.Framing;
using LogPipeline.Shipper.Tests.Batching;

namespace LogPipeline.Shipper.Tests.Framing;

public sealed class EventChunkTests
{
    [Fact]
    public void RentEvents_AfterChunksWithEventsWereReleased_ReturnsOnlyEmptyLists()
    {
        var released = new List<List<EventSlice>>();
        for (var i = 0; i < 8; i++)
        {
            var chunk = ChunkBuilder.Lines(ChunkBuilder.File(), ChunkBuilder.Input(), i * 100, "a"u8.ToArray(), "b"u8.ToArray());
            released.Add(chunk.Events);
            chunk.Release();
        }

        // The pool is shared with other tests running at the same time, so which lists come back is not fixed; none
        // may still hold the events of a released chunk, and the released lists are among those handed out again.
        var rented = Enumerable.Range(0, 40).Select(_ => EventChunk.RentEvents()).ToList();

        Assert.All(rented, list => Assert.Empty(list));
        Assert.Contains(rented, list => released.Any(r => ReferenceEquals(r, list)));
        rented.ForEach(EventChunk.ReturnEvents);
    }

    [Fact]
    public void ReturnEvents_ListLargerThanPooled_NotHandedOutAgain()
    {
        var large = new List<EventSlice>(100_000) { new(0, 1, 0, 2, false) };

        EventChunk.ReturnEvents(large);
        var rented = Enumerable.Range(0, 40).Select(_ => EventChunk.RentEvents()).ToList();

        Assert.DoesNotContain(rented, list => ReferenceEquals(list, large));
        rented.ForEach(EventChunk.ReturnEvents);
    }
}
