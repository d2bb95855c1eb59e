namespace LogPipeline.Ingest.Pipeline;

/// <summary>Names a shipper may add as extra fields: dotted identifiers, so they nest cleanly in the ECS document.</summary>
internal static class FieldName
{
    public static bool IsValid(string name)
    {
        if (name.Length is 0 or > 128 || name[0] == '.' || name[^1] == '.' || name.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
            {
                return false;
            }
        }

        return name is not ("@timestamp" or "message" or "tags");
    }
}
