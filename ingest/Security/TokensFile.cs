namespace LogPipeline.Ingest.Security;

/// <summary>
/// Reads a tokens file: one shipper per line, <c>NAME sha256:HEX</c>, where HEX is the SHA-256 of the token
/// (<c>printf %s "$TOKEN" | sha256sum</c>). Blank lines and lines starting with '#' are ignored.
/// </summary>
internal static class TokensFile
{
    public static IEnumerable<(string Name, byte[] Hash)> Read(string path)
    {
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !parts[1].StartsWith("sha256:", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException($"{path}:{lineNumber}: expected 'NAME sha256:HEX'");
            }

            byte[] hash;
            try
            {
                hash = Convert.FromHexString(parts[1].AsSpan(7));
            }
            catch (FormatException)
            {
                throw new FormatException($"{path}:{lineNumber}: '{parts[1]}' is not a hex SHA-256");
            }

            if (hash.Length != 32)
            {
                throw new FormatException($"{path}:{lineNumber}: a SHA-256 has 64 hex digits");
            }

            yield return (parts[0], hash);
        }
    }
}
