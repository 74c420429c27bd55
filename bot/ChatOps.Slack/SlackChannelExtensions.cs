using System.Net;
using ChatOps.Core.Workflow;
using ChatOps.Slack.Api;
using ChatOps.Slack.Endpoints;
using ChatOps.Slack.Signing;
using ChatOps.Slack.SocketMode;
using ChatOps.Slack.Work;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace ChatOps.Slack;

/// <summary>Registers the Slack channel: request signing, slash commands, interactivity, events, Web API client.</summary>
public static class SlackChannelExtensions
{
    public static IServiceCollection AddSlackChannel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<SlackWorkQueue>();
        services.AddSingleton<RememberedConversations>();
        services.AddSingleton<SlackReplyLanes>();
        services.AddSingleton<SlackIntake>();
        services.AddHostedService<SlackIntakeRecovery>();
        services.AddSingleton<Inbound.SlackInboundPipeline>();
        ChatOps.Core.Inbound.InboundServiceCollectionExtensions.AddInboundPipeline(services);
        services.AddSlackSocketMode(configuration);
        services.AddHostedService<SlackWorker>();
        services.AddSingleton<ChannelPostRateLimiter>();

        services.AddHttpClient<SlackApiClient>((provider, http) =>
            {
                var baseUrl = provider.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl.ToString();
                http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
            })
            .RedactLoggedHeaders(["Authorization"])
            .AddResilienceHandler("slack-web-api", (pipeline, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;

                // Only 429 is retried: Slack did not run the call, so repeating it cannot post a message twice.
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = settings.RateLimitRetries,
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests),
                    OnRetry = _ =>
                    {
                        ChatOps.Core.Diagnostics.ChatOpsDiagnostics.Throttled.Add(1, new KeyValuePair<string, object?>("chatops.peer", "slack"));
                        return ValueTask.CompletedTask;
                    },
                });
            });

        // response_url and upload URLs are capabilities (whoever has one can post): never written to logs.
        services.AddHttpClient<SlackResponseUrlClient>().RemoveAllLoggers();
        services.AddHttpClient(FilesApi.UploadClientName).RemoveAllLoggers();
        services.AddTransient<ChatApi>();
        services.AddTransient<ConversationsApi>();
        services.AddTransient<ViewsApi>();
        services.AddTransient<UsersApi>();
        services.AddTransient<FilesApi>();
        services.AddTransient<SlackReplySender>();
        services.AddTransient<SlackModalOpener>();
        services.AddSingleton<IConversationProvisioner, SlackConversationProvisioner>();
        services.AddSingleton<ChatOps.Core.Notifications.INotificationSender, Notifications.SlackNotificationSender>();
        services.AddSingleton<Notifications.SlackPostedCards>();
        services.AddSingleton<ChatOps.Core.Conversations.IPostedCardUpdater>(sp => sp.GetRequiredService<Notifications.SlackPostedCards>());
        services.AddSingleton<ChatOps.Core.Conversations.IPostedCardPoster>(sp => sp.GetRequiredService<Notifications.SlackPostedCards>());
        return services;
    }

    public static RouteGroupBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/slack");

        // The signature filter is this group's authentication; it runs before any handler reads the body.
        group.AllowAnonymous();
        group.AddEndpointFilter<SlackSignatureFilter>();
        group.MapPost("/commands", SlashCommandEndpoint.Handle);
        group.MapPost("/interactions", InteractionsEndpoint.Handle);
        group.MapPost("/events", EventsEndpoint.Handle);
        return group;
    }
}
