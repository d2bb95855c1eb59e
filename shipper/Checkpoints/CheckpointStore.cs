using System.Runtime.InteropServices;
using System.Text.Json;

namespace LogPipeline.Shipper.Checkpoints;

/// <summary>
/// Reads and writes <c>checkpoints.json</c> in the state directory. A write goes to a temporary file that is flushed
/// to disk (fsync) and then renamed over the old one, so a crash leaves either the old or the new file, whole.
/// </summary>
internal sealed partial class CheckpointStore(string stateDir)
{
    public const string FileName = "checkpoints.json";

    public string FilePath { get; } = Path.Combine(stateDir, FileName);

    /// <summary>The stored checkpoints; an empty file set when none exist yet (first start).</summary>
    public CheckpointLoad Load()
    {
        if (!File.Exists(FilePath))
        {
            return new CheckpointLoad(new CheckpointFile(), FirstStart: true, Error: null);
        }

        try
        {
            var file = JsonSerializer.Deserialize(File.ReadAllBytes(FilePath), CheckpointJsonContext.Default.CheckpointFile);
            if (file is null || file.Version != CheckpointFile.CurrentVersion)
            {
                return new CheckpointLoad(new CheckpointFile(), false,
                    $"{FilePath}: unsupported checkpoint version {file?.Version}; expected {CheckpointFile.CurrentVersion}");
            }

            return new CheckpointLoad(file, false, null);
        }
        catch (JsonException e)
        {
            return new CheckpointLoad(new CheckpointFile(), false, $"{FilePath}: unreadable checkpoint file: {e.Message}");
        }
    }

    public void Save(CheckpointFile file)
    {
        var temp = FilePath + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.None))
        {
            JsonSerializer.Serialize(stream, file, CheckpointJsonContext.Default.CheckpointFile);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, FilePath, overwrite: true);
        SyncDirectory();
    }

    /// <summary>Makes the rename itself durable: fsync of the directory (best effort; some file systems refuse).</summary>
    private void SyncDirectory()
    {
        var fd = Open(Path.GetDirectoryName(FilePath)!, 0x10000 /* O_RDONLY | O_DIRECTORY */);
        if (fd >= 0)
        {
            _ = FSync(fd);
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync")]
    private static partial int FSync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
