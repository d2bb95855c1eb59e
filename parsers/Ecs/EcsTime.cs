namespace LogPipeline.Parsers.Ecs;

/// <summary>How ECS times are written: ISO-8601 in UTC, up to 7 fractional digits, ending in Z.</summary>
public static class EcsTime
{
    public static string Format(DateTimeOffset value) => EcsJsonWriter.FormatTimestamp(value);
}
