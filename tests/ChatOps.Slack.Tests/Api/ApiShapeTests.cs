using System.Reflection;
using ChatOps.Slack.Api;
using ChatOps.Slack.Work;

namespace ChatOps.Slack.Tests.Api;

/// <summary>Protocol-wide rules checked by reflection, so a new method cannot forget them.</summary>
public sealed class ApiShapeTests
{
    public static TheoryData<Type> Clients() =>
        [typeof(ChatApi), typeof(AppsApi), typeof(ConversationsApi), typeof(ViewsApi), typeof(UsersApi), typeof(FilesApi), typeof(SlackApiClient), typeof(SlackResponseUrlClient), typeof(SlackReplySender), typeof(SlackModalOpener)];

    [Theory]
    [MemberData(nameof(Clients))]
    public void PublicAsyncMethods_EndWithOptionalCancellationToken(Type client)
    {
        var methods = client.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType))
            .ToList();

        Assert.NotEmpty(methods);
        Assert.All(methods, method =>
        {
            var last = method.GetParameters()[^1];
            Assert.True(last.ParameterType == typeof(CancellationToken) && last.HasDefaultValue, $"{client.Name}.{method.Name} must end with CancellationToken = default");
        });
    }

    [Theory]
    [MemberData(nameof(Clients))]
    public void PublicAsyncMethods_AreVirtualSoTheyCanBeFaked(Type client)
    {
        var methods = client.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType));

        Assert.All(methods, method => Assert.True(method.IsVirtual, $"{client.Name}.{method.Name} is not virtual"));
    }
}
