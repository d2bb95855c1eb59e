namespace LogPipeline.Ingest.Detection;

/// <summary>What a rule's sliding window is kept per.</summary>
internal enum RuleScope
{
    /// <summary>One window per client address, across every host it talks to.</summary>
    Address,

    /// <summary>One window per client address and target host (<c>host.name</c>).</summary>
    AddressAndHost,
}
