using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("LogPipeline.Store.Tests.Elasticsearch.EnvironmentGatedTestFramework", "LogPipeline.Store.Tests")]

namespace LogPipeline.Store.Tests.Elasticsearch;

/// <summary>
/// Marks a test class whose tests need an outside service named by an environment variable. When the variable is
/// unset, every test of the class, inherited ones included, is reported as skipped with the reason, not run and
/// not passed. (xunit 2 decides skipping from the method's own attribute, which the inherited contract tests share
/// with the SQLite fixture, so the decision is made per class here, at discovery.)
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresEnvironmentVariableAttribute(string name, string purpose) : Attribute
{
    public string Name { get; } = name;

    public string Purpose { get; } = purpose;
}

/// <summary>xunit's own framework, with discovery that honours <see cref="RequiresEnvironmentVariableAttribute"/>.</summary>
public sealed class EnvironmentGatedTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assembly, ISourceInformationProvider source, IMessageSink diagnostics)
        : XunitTestFrameworkDiscoverer(assembly, source, diagnostics)
    {
        protected override bool FindTestsForMethod(
            ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            var gate = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresEnvironmentVariableAttribute)).FirstOrDefault();
            var name = gate?.GetConstructorArguments().First() as string;
            if (name is null || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name))
                || !testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any())
            {
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            }

            var reason = $"{name} is not set: {gate!.GetConstructorArguments().ElementAt(1)}";
            var skipped = new GatedTestCase(
                DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason);
            return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
        }
    }
}

/// <summary>A test case reported as skipped with the gate's reason.</summary>
public sealed class GatedTestCase : XunitTestCase
{
    private string _reason = string.Empty;

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public GatedTestCase()
    {
    }

    public GatedTestCase(
        IMessageSink diagnosticMessageSink, TestMethodDisplay methodDisplay, TestMethodDisplayOptions methodDisplayOptions, ITestMethod testMethod, string reason)
        : base(diagnosticMessageSink, methodDisplay, methodDisplayOptions, testMethod) => _reason = reason;

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("GateReason", _reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _reason = data.GetValue<string>("GateReason");
        base.Deserialize(data);
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;
}
