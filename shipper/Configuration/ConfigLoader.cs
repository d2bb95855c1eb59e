using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LogPipeline.Shipper.Configuration;

/// <summary>
/// Reads the YAML configuration through YamlDotNet's representation model (no reflection, so Native AOT friendly),
/// and reports every bad key at once with its line.
/// </summary>
internal static partial class ConfigLoader
{
    public static (ShipperOptions? Options, List<ConfigError> Errors) LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [new ConfigError("(file)", 0, $"cannot read the configuration file: {e.Message}")]);
        }

        return Load(text);
    }

    public static (ShipperOptions? Options, List<ConfigError> Errors) Load(string yaml)
    {
        var errors = new List<ConfigError>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            return (null, [new ConfigError("(syntax)", (int)e.Start.Line, e.InnerException?.Message ?? e.Message)]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return (null, [new ConfigError("(root)", 1, "the file must be a mapping with ingest, state_dir and inputs")]);
        }

        var options = new ShipperOptions();
        var values = new YamlValues(errors);
        ReadRoot(values, root, options);
        CheckRequired(values, root, options);
        return (errors.Count == 0 ? options : null, errors);
    }

    private static void ReadRoot(YamlValues v, YamlMappingNode root, ShipperOptions o)
    {
        foreach (var (key, value) in v.Entries("", root, "name", "state_dir", "ingest", "batch", "inputs", "log_file",
                     "metrics_listen", "max_open_files", "shutdown_timeout"))
        {
            switch (key)
            {
                case "name": o.Name = v.String(key, value) ?? o.Name; break;
                case "state_dir": o.StateDir = v.String(key, value) ?? ""; break;
                case "ingest": ReadIngest(v, value, o.Ingest); break;
                case "batch": ReadBatch(v, value, o.Batch); break;
                case "inputs": ReadInputs(v, value, o.Inputs); break;
                case "log_file": o.LogFile = v.String(key, value); break;
                case "metrics_listen": o.MetricsListen = v.String(key, value); break;
                case "max_open_files": o.MaxOpenFiles = v.Int(key, value, 16, 100_000) ?? o.MaxOpenFiles; break;
                case "shutdown_timeout": o.ShutdownTimeout = v.Duration(key, value) ?? o.ShutdownTimeout; break;
                default: throw new InvalidOperationException($"key {key} accepted but not read");
            }
        }
    }

    private static void CheckRequired(YamlValues v, YamlMappingNode root, ShipperOptions o)
    {
        if (o.StateDir.Length == 0 && !HasKey(root, "state_dir"))
        {
            v.Error("state_dir", root, "missing: the directory where checkpoints are kept");
        }

        if (!HasKey(root, "ingest"))
        {
            v.Error("ingest", root, "missing: needs url (or urls) and token");
        }

        if (!HasKey(root, "inputs"))
        {
            v.Error("inputs", root, "missing: a list of inputs, each with paths and type");
        }
    }

    private static bool HasKey(YamlMappingNode map, string key) =>
        map.Children.Keys.Any(k => k is YamlScalarNode s && s.Value == key);

    private static void ReadIngest(YamlValues v, YamlNode node, IngestOptions o)
    {
        if (v.Map("ingest", node) is not { } map)
        {
            return;
        }

        foreach (var (key, value) in v.Entries("ingest", map, "url", "urls", "mode", "token", "timeout", "max_in_flight", "tls", "retry"))
        {
            var name = YamlValues.Join("ingest", key);
            switch (key)
            {
                case "url" or "urls":
                    foreach (var text in v.Strings(name, value))
                    {
                        AddUrl(v, name, value, text, o);
                    }

                    break;
                case "mode":
                    o.Mode = v.Choice(name, value, o.Mode, ("failover", LoadBalancing.Failover), ("round_robin", LoadBalancing.RoundRobin));
                    break;
                case "token": o.Token = v.String(name, value) ?? ""; break;
                case "timeout": o.Timeout = v.Duration(name, value) ?? o.Timeout; break;
                case "max_in_flight": o.MaxInFlight = v.Int(name, value, 1, IngestOptions.MaxInFlightLimit) ?? o.MaxInFlight; break;
                case "tls": ReadTls(v, value, o); break;
                default: ReadRetry(v, value, o); break;
            }
        }

        if (o.Urls.Count == 0 && !HasKey(map, "url") && !HasKey(map, "urls"))
        {
            v.Error("ingest.url", map, "missing: the ingest URL, e.g. https://ingest.example:8443");
        }

        if (o.Token.Length == 0 && !HasKey(map, "token"))
        {
            v.Error("ingest.token", map, "missing: the bearer token ingest expects");
        }
    }

    private static void AddUrl(YamlValues v, string key, YamlNode node, string text, IngestOptions o)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            o.Urls.Add(uri);
        }
        else
        {
            v.Error(key, node, $"'{text}' is not an http:// or https:// URL");
        }
    }

    private static void ReadTls(YamlValues v, YamlNode node, IngestOptions o)
    {
        if (v.Map("ingest.tls", node) is not { } map)
        {
            return;
        }

        foreach (var (key, value) in v.Entries("ingest.tls", map, "ca_file", "insecure_skip_verify"))
        {
            var name = YamlValues.Join("ingest.tls", key);
            if (key == "ca_file")
            {
                o.CaFile = v.String(name, value);
            }
            else
            {
                o.InsecureSkipVerify = v.Bool(name, value) ?? false;
            }
        }
    }

    private static void ReadRetry(YamlValues v, YamlNode node, IngestOptions o)
    {
        if (v.Map("ingest.retry", node) is not { } map)
        {
            return;
        }

        foreach (var (key, value) in v.Entries("ingest.retry", map, "initial_delay", "max_delay"))
        {
            var name = YamlValues.Join("ingest.retry", key);
            if (key == "initial_delay")
            {
                o.RetryInitialDelay = v.Duration(name, value) ?? o.RetryInitialDelay;
            }
            else
            {
                o.RetryMaxDelay = v.Duration(name, value) ?? o.RetryMaxDelay;
            }
        }
    }

    private static void ReadBatch(YamlValues v, YamlNode node, BatchOptions o)
    {
        if (v.Map("batch", node) is not { } map)
        {
            return;
        }

        foreach (var (key, value) in v.Entries("batch", map, "max_events", "max_bytes", "max_age"))
        {
            var name = YamlValues.Join("batch", key);
            switch (key)
            {
                case "max_events": o.MaxEvents = v.Int(name, value, 1, 1_000_000) ?? o.MaxEvents; break;
                case "max_bytes": o.MaxBytes = v.Size(name, value, 1024, 256 << 20) ?? o.MaxBytes; break;
                default: o.MaxAge = v.Duration(name, value) ?? o.MaxAge; break;
            }
        }
    }
}
