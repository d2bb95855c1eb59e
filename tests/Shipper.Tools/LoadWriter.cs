using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace LogPipeline.Shipper.Tools;

/// <summary>
/// Appends numbered lines (<c>f{file} s{seq} …</c>) to N files at a steady total rate, through O_APPEND handles (as
/// loggers do, so copytruncate works), re-opening a file when its path names a new file (as a logger does after
/// rotation). Prints the count per file at the end.
/// </summary>
internal static partial class LoadWriter
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Args.Parse(args);
        var dir = options["dir"];
        var files = int.Parse(options.GetValueOrDefault("files", "1"), CultureInfo.InvariantCulture);
        var rate = double.Parse(options["rate"], CultureInfo.InvariantCulture);
        var seconds = double.Parse(options["seconds"], CultureInfo.InvariantCulture);
        var name = options.GetValueOrDefault("name", "access");
        var reopen = options.ContainsKey("reopen");
        var writers = Enumerable.Range(0, files).Select(i => new AppendFile(Path.Combine(dir, files == 1 ? $"{name}.log" : $"{name}-{i}.log"))).ToArray();
        var seq = new int[files];
        var clock = Stopwatch.StartNew();
        long written = 0;
        var total = (long)(rate * seconds);
        var next = 0;
        while (written < total)
        {
            var due = Math.Min(total, (long)(clock.Elapsed.TotalSeconds * rate) + 1);
            for (; written < due; written++)
            {
                var f = next++ % files;
                writers[f].Write(string.Create(CultureInfo.InvariantCulture,
                    $"f{f} s{seq[f]:D7} 127.0.0.1 - - \"GET /item/{seq[f]} HTTP/1.1\" 200 {seq[f] % 997}\n"));
                seq[f]++;
            }

            foreach (var w in writers)
            {
                w.Flush(reopen);
            }

            await Task.Delay(5);
        }

        foreach (var w in writers)
        {
            w.Flush(reopen: false);
            w.Dispose();
        }

        Console.WriteLine(string.Join(' ', seq));
        return 0;
    }

    /// <summary>A file opened with O_APPEND (FileStream does not), so writes land at the end even after a truncation.</summary>
    private sealed partial class AppendFile(string path) : IDisposable
    {
        private const int OWriteOnlyAppend = 0x1 | 0x400;
        private const int OWriteOnlyCreateAppend = OWriteOnlyAppend | 0x40;
        private readonly StringBuilder _pending = new();
        private int _fd = Open(path);
        private long _written;

        public void Write(string line) => _pending.Append(line);

        public void Flush(bool reopen)
        {
            if (_pending.Length > 0)
            {
                var bytes = Encoding.UTF8.GetBytes(_pending.ToString());
                var done = 0;
                while (done < bytes.Length)
                {
                    var n = (int)WriteBytes(_fd, bytes.AsSpan(done), bytes.Length - done);
                    if (n <= 0)
                    {
                        throw new IOException($"write to {path} failed");
                    }

                    done += n;
                }

                _written += bytes.Length;
                _pending.Clear();
            }

            // After a rename rotation the path names a new, smaller file: re-open it as a logger does on reload. Like a
            // logger, never create it: until logrotate has created it, keep writing to the renamed file.
            if (reopen && SmallerFileAtPath())
            {
                var fd = OpenFile(path, OWriteOnlyAppend, 0);
                if (fd >= 0)
                {
                    _ = Close(_fd);
                    _fd = fd;
                    _written = new FileInfo(path).Length;
                }
            }
        }

        public void Dispose() => Close(_fd);

        private bool SmallerFileAtPath()
        {
            try
            {
                return File.Exists(path) && new FileInfo(path).Length < _written;
            }
            catch (FileNotFoundException)
            {
                return false; // logrotate renamed it between the two calls; look again at the next flush.
            }
        }

        private static int Open(string path)
        {
            var fd = OpenFile(path, OWriteOnlyCreateAppend, 420);
            return fd >= 0 ? fd : throw new IOException($"cannot open {path}");
        }

        [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
        private static partial int OpenFile(string path, int flags, int mode);

        [LibraryImport("libc", EntryPoint = "write")]
        private static partial nint WriteBytes(int fd, ReadOnlySpan<byte> buffer, nint count);

        [LibraryImport("libc", EntryPoint = "close")]
        private static partial int Close(int fd);
    }
}
