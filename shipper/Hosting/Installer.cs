namespace LogPipeline.Shipper.Hosting;

/// <summary>
/// <c>shipper install</c>: writes a systemd unit that runs the shipper as an unprivileged user (in group <c>adm</c> to
/// read /var/log), and a default configuration when none exists. It does not start anything; it prints the next steps.
/// </summary>
internal static class Installer
{
    public const string UnitName = "logpipeline-shipper.service";
    public const string DefaultConfig = "/etc/logpipeline/shipper.yaml";

    public static int Run(Dictionary<string, string> flags, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var config = flags.GetValueOrDefault("config") ?? DefaultConfig;
        var user = flags.GetValueOrDefault("user") ?? "logpipeline";
        var binary = flags.GetValueOrDefault("binary") ?? Environment.ProcessPath ?? "/usr/local/bin/shipper";
        var unitDir = flags.GetValueOrDefault("unit-dir") ?? "/etc/systemd/system";
        try
        {
            Directory.CreateDirectory(unitDir);
            var unitPath = Path.Combine(unitDir, UnitName);
            File.WriteAllText(unitPath, Unit(binary, config, user));
            stdout.WriteLine($"wrote {unitPath}");
            if (!File.Exists(config))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(config)!);
                File.WriteAllText(config, DefaultConfigText(Environment.MachineName));
                stdout.WriteLine($"wrote {config} (edit ingest.url and ingest.token)");
            }

            stdout.WriteLine($"next: id {user} || useradd --system --no-create-home --shell /usr/sbin/nologin --groups adm {user}");
            stdout.WriteLine($"      systemctl daemon-reload && systemctl enable --now {UnitName}");
            return Cli.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"shipper: install failed: {e.Message} (run as root, or pass --unit-dir and --config)");
            return Cli.Failed;
        }
    }

    public static string Unit(string binary, string config, string user) => $"""
        [Unit]
        Description=LogPipeline shipper (tail log files and forward them to ingest)
        After=network-online.target
        Wants=network-online.target

        [Service]
        Type=simple
        ExecStart={binary} run --config {config}
        User={user}
        Group={user}
        SupplementaryGroups=adm
        StateDirectory=logpipeline-shipper
        LogsDirectory=logpipeline-shipper
        Restart=always
        RestartSec=2
        TimeoutStopSec=30
        KillSignal=SIGTERM
        NoNewPrivileges=true
        ProtectSystem=strict
        ProtectHome=true
        PrivateTmp=true
        MemoryMax=256M

        [Install]
        WantedBy=multi-user.target

        """;

    public static string DefaultConfigText(string host) => $"""
        # LogPipeline shipper configuration (reference: docs/shipper.md)
        name: {host}
        state_dir: /var/lib/logpipeline-shipper
        log_file: /var/log/logpipeline-shipper/shipper.log
        ingest:
          url: https://ingest.example.internal:8443
          token: CHANGE-ME
        inputs:
          - type: apache.access
            paths: [/var/log/apache2/*access*.log]
          - type: apache.error
            paths: [/var/log/apache2/*error*.log]

        """;
}
