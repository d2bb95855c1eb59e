using System.Security.Cryptography;
using System.Text;
using LogPipeline.Ingest.Configuration;

namespace LogPipeline.Ingest.Security;

/// <summary>
/// Checks bearer tokens against SHA-256 hashes. Clear tokens from flags are hashed at start; the tokens file holds only
/// hashes. Comparison is constant-time and always walks every known hash.
/// </summary>
internal sealed class TokenAuthenticator
{
    private readonly List<(string Name, byte[] Hash)> _hashes = [];

    public TokenAuthenticator(IngestOptions options)
    {
        Enabled = !options.NoAuth;
        for (var i = 0; i < options.Tokens.Count; i++)
        {
            _hashes.Add(($"token{i + 1}", Hash(options.Tokens[i])));
        }

        if (options.TokensFile is { Length: > 0 } file)
        {
            foreach (var entry in TokensFile.Read(file))
            {
                _hashes.Add(entry);
            }
        }
    }

    public bool Enabled { get; }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>The name of the shipper the token belongs to, or null when the header is missing or the token unknown.</summary>
    public string? Authenticate(string? authorizationHeader)
    {
        if (!Enabled)
        {
            return "anonymous";
        }

        const string Prefix = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var presented = Hash(authorizationHeader[Prefix.Length..].Trim());
        string? match = null;
        foreach (var (name, hash) in _hashes)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, hash))
            {
                match ??= name;
            }
        }

        return match;
    }
}
