using System.Reflection;
using ChatOps.Teams.Connector;

namespace ChatOps.Teams.Tests.Connector;

/// <summary>Protocol-wide rules of the client's shape (Azure SDK style).</summary>
public sealed class ConnectorClientShapeTests
{
    public static TheoryData<string> Operations() =>
        [.. typeof(ConnectorClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => m.Name).Distinct()];

    [Theory]
    [MemberData(nameof(Operations))]
    public void Operation_EveryOverload_AsyncVirtualWithOptionalCancellationTokenLast(string name)
    {
        var overloads = typeof(ConnectorClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => m.Name == name);

        Assert.All(overloads, method =>
        {
            Assert.EndsWith("Async", method.Name, StringComparison.Ordinal);
            Assert.True(method.IsVirtual, $"{method} is not virtual (fakeable)");
            var last = method.GetParameters()[^1];
            Assert.Equal(typeof(CancellationToken), last.ParameterType);
            Assert.True(last.HasDefaultValue, $"{method}: CancellationToken is not optional");
        });
    }
}
