using ChatOps.Core.Conversations;
using ChatOps.Core.Idempotency;
using ChatOps.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOps.Bot.Tests.Slack;

/// <summary>The whole bot (Program) with Slack configured against a fake Slack and in-memory storage ports.</summary>
public sealed class SlackBotFactory(FakeSlack slack) : WebApplicationFactory<Program>
{
    public const string Secret = "8f742231b10e8888abcd990e2e5e85a5";
    public const string BotToken = "xoxb-e2e-token";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
            ["Slack:ResponseUrlHosts:0"] = "127.0.0.1",
        }.Concat(ChatOps.Testing.WorkflowHarness.AlwaysOpenMaintenanceWindow)));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IIdempotencyStore>();
            services.RemoveAll<IConversationReferenceStore>();
            services.AddSingleton<IIdempotencyStore, InMemoryIdempotencyStore>();
            services.AddSingleton<IConversationReferenceStore, InMemoryConversationReferenceStore>();
        });
    }
}
