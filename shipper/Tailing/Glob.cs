using System.Text;
using System.Text.RegularExpressions;

namespace LogPipeline.Shipper.Tailing;

/// <summary>
/// A path glob: <c>*</c> and <c>?</c> within one path segment, <c>[abc]</c> classes, and <c>**</c> for any number of
/// directories. <see cref="Expand"/> walks only the directories the pattern can reach, follows symbolic links, and
/// stops at a directory it has already visited (a symlink loop), reporting it.
/// </summary>
internal sealed class Glob
{
    private readonly string _root;
    private readonly List<Regex?> _segments = [];

    public Glob(string pattern)
    {
        Pattern = pattern;
        var parts = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var root = new StringBuilder("/");
        var i = 0;
        for (; i < parts.Length - 1 && !HasWildcard(parts[i]); i++)
        {
            root.Append(parts[i]).Append('/');
        }

        _root = root.ToString();
        foreach (var part in parts.Skip(i))
        {
            _segments.Add(part == "**" ? null : new Regex(SegmentRegex(part), RegexOptions.CultureInvariant));
        }
    }

    public string Pattern { get; }

    /// <summary>The directory the walk starts from (the pattern's fixed prefix).</summary>
    public string Root => _root;

    /// <summary>
    /// True when paths below <see cref="Root"/> in subdirectories can match (a wildcard or <c>**</c> before the last
    /// segment): only then does a watcher need to look into subdirectories.
    /// </summary>
    public bool SpansDirectories => _segments.Count > 1;

    /// <summary>True when <paramref name="path"/> (absolute) is one the pattern matches, whether or not it exists.</summary>
    public bool Matches(string path) => Parts(path) is { } parts && MatchFrom(parts, 0, 0, prefix: false);

    /// <summary>
    /// True when <paramref name="path"/> is one the pattern matches or a directory on the way to one (with <c>**</c>,
    /// any directory below the root): a file system change there can change what the pattern expands to.
    /// </summary>
    public bool MatchesOrLeadsTo(string path) => Parts(path) is { } parts && MatchFrom(parts, 0, 0, prefix: true);

    /// <summary>Every existing path the pattern matches; <paramref name="warn"/> gets (path, problem) for what it skipped.</summary>
    public IEnumerable<string> Expand(Action<string, string> warn)
    {
        var results = new List<string>();
        var visited = new HashSet<(ulong, ulong)>();
        Walk(_root, 0, visited, results, warn);
        return results;
    }

    /// <summary>Converts an exclude glob to a regex over the full path (or over the file name when it has no slash).</summary>
    public static Regex ExcludeRegex(string pattern)
    {
        var body = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                body.Append(".*");
                i++;
            }
            else
            {
                body.Append(SegmentRegex(pattern[i].ToString()).Trim('^', '$'));
            }
        }

        var prefix = pattern.Contains('/', StringComparison.Ordinal) ? "^" : "(^|/)";
        return new Regex(prefix + body + "$", RegexOptions.CultureInvariant);
    }

    private string[]? Parts(string path) =>
        path.StartsWith(_root, StringComparison.Ordinal) ? path[_root.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries) : null;

    /// <summary>Whether <paramref name="parts"/> from <paramref name="p"/> on match the segments from <paramref name="s"/> on.</summary>
    private bool MatchFrom(string[] parts, int p, int s, bool prefix)
    {
        if (p == parts.Length)
        {
            return s == _segments.Count || (prefix && p > 0);
        }

        if (s == _segments.Count)
        {
            return false;
        }

        return _segments[s] is { } segment
            ? segment.IsMatch(parts[p]) && MatchFrom(parts, p + 1, s + 1, prefix)
            : MatchFrom(parts, p, s + 1, prefix) || MatchFrom(parts, p + 1, s, prefix); // "**": zero directories, or one more.
    }

    private void Walk(string dir, int index, HashSet<(ulong, ulong)> visited, List<string> results, Action<string, string> warn)
    {
        if (index == _segments.Count)
        {
            return;
        }

        var segment = _segments[index];
        if (segment is null)
        {
            if (!FileStat.TryGet(dir, out var stat, out _) || !visited.Add((stat.Device, stat.Inode)))
            {
                warn(dir, "directory already visited through another path (symbolic link loop?); not walked again");
                return;
            }

            Walk(dir, index + 1, visited, results, warn);
            foreach (var sub in Entries(dir, warn).Where(Directory.Exists))
            {
                Walk(sub + "/", index, visited, results, warn);
            }

            return;
        }

        var last = index == _segments.Count - 1;
        foreach (var entry in Entries(dir, warn))
        {
            if (!segment.IsMatch(Path.GetFileName(entry)))
            {
                continue;
            }

            if (last)
            {
                results.Add(entry);
            }
            else if (Directory.Exists(entry))
            {
                Walk(entry + "/", index + 1, visited, results, warn);
            }
        }
    }

    private static IEnumerable<string> Entries(string dir, Action<string, string> warn)
    {
        try
        {
            return Directory.GetFileSystemEntries(dir);
        }
        catch (UnauthorizedAccessException)
        {
            warn(dir, "permission denied: cannot list the directory");
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            warn(dir, $"cannot list the directory: {e.Message}");
        }
        catch (IOException)
        {
            // The directory does not exist (yet): nothing to match, no warning.
        }

        return [];
    }

    private static bool HasWildcard(string part) => part.AsSpan().IndexOfAny("*?[") >= 0;

    private static string SegmentRegex(string part)
    {
        var regex = new StringBuilder("^");
        foreach (var c in part)
        {
            regex.Append(c switch
            {
                '*' => "[^/]*",
                '?' => "[^/]",
                '[' => "[",
                ']' => "]",
                _ => Regex.Escape(c.ToString()),
            });
        }

        return regex.Append('$').ToString();
    }
}
