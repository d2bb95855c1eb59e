using System.Runtime.CompilerServices;

namespace LogPipeline.Parsers.Ecs;

/// <summary>
/// An open-addressing index from field name to position, stored inline in the document (128 one-byte slots, no
/// allocation): finding or adding a field costs a hash and usually one comparison instead of a scan of the list.
/// Past <see cref="MaxIndexed"/> fields the document falls back to scanning.
/// </summary>
internal struct FieldIndex
{
    private const int Slots = 128;
    private const int MaxIndexed = 96;
    private SlotTable _table;
    private bool _overflow;

    public int Find(string field, List<KeyValuePair<string, EcsValue>> fields)
    {
        if (_overflow)
        {
            return Scan(field, fields);
        }

        for (var slot = Hash(field); ; slot = (slot + 1) & (Slots - 1))
        {
            var entry = _table[slot];
            if (entry == 0)
            {
                return -1;
            }

            var key = fields[entry - 1].Key;
            if (ReferenceEquals(key, field) || string.Equals(key, field, StringComparison.Ordinal))
            {
                return entry - 1;
            }
        }
    }

    /// <summary>Records that <paramref name="field"/> (not yet indexed) sits at <paramref name="position"/>.</summary>
    public void Add(string field, int position)
    {
        if (_overflow || position >= MaxIndexed)
        {
            _overflow = true;
            return;
        }

        var slot = Hash(field);
        while (_table[slot] != 0)
        {
            slot = (slot + 1) & (Slots - 1);
        }

        _table[slot] = (byte)(position + 1);
    }

    public void Rebuild(List<KeyValuePair<string, EcsValue>> fields)
    {
        Clear();
        for (var i = 0; i < fields.Count; i++)
        {
            Add(fields[i].Key, i);
        }
    }

    public void Clear()
    {
        ((Span<byte>)_table).Clear();
        _overflow = false;
    }

    private static int Scan(string field, List<KeyValuePair<string, EcsValue>> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (string.Equals(fields[i].Key, field, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static int Hash(string field)
    {
        if (field.Length == 0)
        {
            return 0;
        }

        var h = ((uint)field.Length * 0x9E3779B1u) ^ (field[^1] * 0x85EBCA6Bu) ^ (field[field.Length / 2] * 0xC2B2AE35u) ^ (field[field.Length / 3] * 0x27D4EB2Fu);
        return (int)(h >> 25);
    }

    [InlineArray(Slots)]
    private struct SlotTable
    {
        private byte _first;
    }
}
