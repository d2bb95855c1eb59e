namespace LogPipeline.Shipper.Tests.Processes;

/// <summary>Process tests run one at a time: each starts writers and a shipper, and the machine has two cores.</summary>
[CollectionDefinition(Name)]
public sealed class ProcessCollection
{
    public const string Name = "processes";
}
