using System.Text;
using LogPipeline.Ingest.Detection;
using Microsoft.Extensions.Configuration;

namespace LogPipeline.Ingest.Tests.Detection;

public sealed class DetectionOptionsLoaderTests
{
    [Fact]
    public void Load_EmptySection_DefaultsAndNoErrors()
    {
        var options = Load("{}", out var errors);

        Assert.Empty(errors);
        Assert.Equal(6, options.Rules.WpLoginFlood.Threshold);
        Assert.Equal(["source.ip"], options.ClientIpFields);
    }

    [Fact]
    public void Load_ThresholdsListsAndEnums_ListsReplaceDefaults()
    {
        var options = Load("""
            {"Detection": {
              "ClientIpFields": ["http.request.headers.x_forwarded_for", "source.ip"],
              "MaxTrackedAddresses": 5000,
              "Rules": {
                "WpLoginFlood": {"Threshold": 8, "Window": "00:00:30", "Scope": "AddressAndHost"},
                "ScannerUserAgents": {"Patterns": ["evilbot"]},
                "XmlrpcFlood": {"Enabled": false}
              }}}
            """, out var errors);

        Assert.Empty(errors);
        Assert.Equal(["http.request.headers.x_forwarded_for", "source.ip"], options.ClientIpFields);
        Assert.Equal(5000, options.MaxTrackedAddresses);
        Assert.Equal(8, options.Rules.WpLoginFlood.Threshold);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Rules.WpLoginFlood.Window);
        Assert.Equal(RuleScope.AddressAndHost, options.Rules.WpLoginFlood.Scope);
        Assert.Equal(["evilbot"], options.Rules.ScannerUserAgents.Patterns);
        Assert.False(options.Rules.XmlrpcFlood.Enabled);
    }

    [Fact]
    public void Load_SeveralBadKeys_ReportsEveryOneByKey()
    {
        Load("""
            {"Detection": {
              "MaxTrackedAdresses": 10,
              "IgnoredAddresses": ["10.0.0.0/8", "not-an-ip"],
              "Rules": {
                "WpLoginFlood": {"Threshold": "many", "Window": "soon"},
                "Probing4xx": {"Threshold": 0}
              }}}
            """, out var errors);

        Assert.Contains(errors, e => e.StartsWith("Detection:MaxTrackedAdresses is not a known setting", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Detection:IgnoredAddresses:1 must be an IP address", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Detection:Rules:WpLoginFlood:Threshold must be a whole number", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Detection:Rules:WpLoginFlood:Window must be a time span", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Detection:Rules:Probing4xx:Threshold must be between 1", StringComparison.Ordinal));
        Assert.Equal(5, errors.Count);
    }

    internal static DetectionOptions Load(string json, out IReadOnlyList<string> errors)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        return DetectionOptionsLoader.Load(configuration.GetSection(DetectionOptions.SectionName), out errors);
    }
}
