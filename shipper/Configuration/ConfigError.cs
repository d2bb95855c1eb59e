namespace LogPipeline.Shipper.Configuration;

/// <summary>One problem in the configuration file: the key path, its line (0 when unknown), and what is wrong.</summary>
internal sealed record ConfigError(string Key, int Line, string Problem)
{
    public string Format(string file) =>
        Line > 0 ? $"{file}:{Line}: {Key}: {Problem}" : $"{file}: {Key}: {Problem}";
}
