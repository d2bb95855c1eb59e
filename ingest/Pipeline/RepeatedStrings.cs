using System.Text.Json;

namespace LogPipeline.Ingest.Pipeline;

/// <summary>
/// The strings every event of a batch repeats (host, dataset, file, fingerprint): a value whose UTF-8 bytes equal
/// one seen before gets that string back instead of a new one. A handful of slots, replaced round-robin; one instance
/// per batch (not thread-safe).
/// </summary>
internal sealed class RepeatedStrings
{
    private const int Slots = 8;
    private const int MaxBytes = 512;

    private readonly byte[]?[] _bytes = new byte[]?[Slots];
    private readonly string?[] _strings = new string?[Slots];
    private int _next;

    /// <summary>The string value the reader is on.</summary>
    public string Get(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxBytes)
        {
            return reader.GetString()!;
        }

        var span = reader.ValueSpan;
        for (var i = 0; i < Slots; i++)
        {
            if (_bytes[i] is { } known && span.SequenceEqual(known))
            {
                return _strings[i]!;
            }
        }

        var value = reader.GetString()!;
        _bytes[_next] = span.ToArray();
        _strings[_next] = value;
        _next = (_next + 1) % Slots;
        return value;
    }
}
