using LogPipeline.Shipper.Checkpoints;

namespace LogPipeline.Shipper.Tests.Checkpoints;

public sealed class CheckpointStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shipper-cp-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Load_NoFile_IsFirstStart()
    {
        var load = new CheckpointStore(_dir).Load();

        Assert.True(load.FirstStart);
        Assert.Null(load.Error);
        Assert.Empty(load.File.Files);
    }

    [Fact]
    public void Save_ThenLoad_RoundTripsAndLeavesNoTempFile()
    {
        var store = new CheckpointStore(_dir);
        var file = new CheckpointFile { Host = "h" };
        file.Files.Add(new FileCheckpoint { Fingerprint = "ab", Path = "/x.log", Inode = 7, AckedOffset = 100, ReadOffset = 150, Generation = 2 });

        store.Save(file);
        var load = store.Load();

        Assert.False(load.FirstStart);
        var entry = Assert.Single(load.File.Files);
        Assert.Equal(("ab", "/x.log", 7ul, 100L, 150L, 2), (entry.Fingerprint, entry.Path, entry.Inode, entry.AckedOffset, entry.ReadOffset, entry.Generation));
        Assert.Equal([CheckpointStore.FileName], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Save_StaleTempFileFromACrash_IsReplacedAndOldFileStaysReadable()
    {
        var store = new CheckpointStore(_dir);
        store.Save(new CheckpointFile { Host = "old" });
        File.WriteAllText(store.FilePath + ".tmp", "{ half writ");

        Assert.Equal("old", store.Load().File.Host);
        store.Save(new CheckpointFile { Host = "new" });

        Assert.Equal("new", store.Load().File.Host);
        Assert.False(File.Exists(store.FilePath + ".tmp"));
    }

    [Fact]
    public void Load_OtherVersion_IsAnErrorNamingTheVersion()
    {
        var store = new CheckpointStore(_dir);
        File.WriteAllText(store.FilePath, """{"version": 99, "files": []}""");

        var load = store.Load();

        Assert.Contains("version 99", load.Error);
    }

    [Fact]
    public void Load_Corrupt_IsAnError()
    {
        var store = new CheckpointStore(_dir);
        File.WriteAllText(store.FilePath, "not json");

        Assert.Contains("unreadable", new CheckpointStore(_dir).Load().Error);
    }
}
