namespace LogPipeline.Parsers.Ecs;

/// <summary>Dotted field names as JSON nesting sees them: sorted so that shared prefixes are adjacent, and segments.</summary>
internal static class FieldNames
{
    /// <summary>A stable insertion sort by ordinal name (documents hold a few dozen fields, often nearly in order).</summary>
    public static void SortByName(ReadOnlySpan<KeyValuePair<string, EcsValue>> fields, Span<int> order)
    {
        for (var i = 0; i < order.Length; i++)
        {
            var key = fields[i].Key;
            var j = i - 1;
            while (j >= 0 && string.CompareOrdinal(fields[order[j]].Key, key) > 0)
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = i;
        }
    }

    /// <summary>How many of the first <paramref name="open"/> segments of <paramref name="previous"/> are also parent
    /// segments (not the last one) of <paramref name="name"/>.</summary>
    public static int CommonParents(string previous, string name, int open)
    {
        var common = 0;
        var i = 0;
        while (common < open)
        {
            var end = i + Dot(previous.AsSpan(i));
            var segment = previous.AsSpan(i, end - i);
            if (i + segment.Length >= name.Length || name[i + segment.Length] != '.' || !name.AsSpan(i, segment.Length).SequenceEqual(segment))
            {
                break;
            }

            common++;
            i = end + 1;
        }

        return common;
    }

    public static int SegmentStart(string name, int segments)
    {
        var i = 0;
        for (var s = 0; s < segments; s++)
        {
            i += Dot(name.AsSpan(i)) + 1;
        }

        return i;
    }

    /// <summary>The first dot: a plain loop, as segments are a few characters, too short for a vectorised search.</summary>
    public static int Dot(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '.')
            {
                return i;
            }
        }

        return -1;
    }
}
