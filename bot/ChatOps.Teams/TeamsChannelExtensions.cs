using ChatOps.Teams.Activities;
using ChatOps.Teams.Auth;
using ChatOps.Teams.Connector;
using ChatOps.Teams.Options;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;

namespace ChatOps.Teams;

/// <summary>Registers the Teams (Bot Framework) channel: auth scheme, activity handling, connector client.</summary>
public static class TeamsChannelExtensions
{
    /// <summary>The named <see cref="HttpClient"/> MSAL uses for token requests (hosts and tests may configure it).</summary>
    public const string MsalHttpClientName = MsalHttpClientFactory.ClientName;

    public static IServiceCollection AddTeamsChannel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<BotFrameworkOptions>().Bind(configuration).ValidateOnStart();
        services.AddOptions<TeamsChannelOptions>().Bind(configuration.GetSection(TeamsChannelOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsChannelOptions>, TeamsChannelOptionsValidator>());

        services.AddAuthentication().AddJwtBearer(BotFrameworkAuthentication.SchemeName, _ => { });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<JwtBearerOptions>, ConfigureBotFrameworkJwtBearer>());
        services.AddAuthorizationBuilder().AddPolicy(BotFrameworkAuthentication.PolicyName, policy => policy
            .AddAuthenticationSchemes(BotFrameworkAuthentication.SchemeName)
            .AddRequirements(new BotCallerRequirement()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, BotCallerAuthorizationHandler>());
        services.AddHostedService<TeamsStartupLog>();
        services.TryAddSingleton<ActivityAudience>();
        services.TryAddSingleton<ServiceUrlPolicy>();
        services.TryAddSingleton<ValidatedTokenCache>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(MsalHttpClientFactory.ClientName);
        services.TryAddSingleton<IBotTokenProvider, MsalBotTokenProvider>();
        services.TryAddSingleton<ConversationRateLimiter>();
        services.AddTransient<ConversationRateLimitHandler>();
        var connector = services.AddHttpClient<ConnectorClient>();
        connector.AddResilienceHandler("teams-connector", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<TeamsChannelOptions>>().Value;
                pipeline.AddRetry(ConnectorRetry.Options(options.ConnectorRetryDelay, options.ConnectorMaxRetries));
            });

        // Added after the retry handler, so it sits inside it: every attempt takes a permit.
        connector.AddHttpMessageHandler<ConversationRateLimitHandler>();

        // Microsoft Graph for incident channels (issue 22): app-only token from MSAL, 429/503 retried after Retry-After.
        services.TryAddSingleton<TurnActivity>();
        services.TryAddSingleton<Graph.IGraphTokenProvider, Graph.MsalGraphTokenProvider>();
        services.AddHttpClient<Graph.GraphClient>().AddResilienceHandler("teams-graph", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<TeamsChannelOptions>>().Value;
            pipeline.AddRetry(Graph.GraphRetry.Options(options.ConnectorRetryDelay, options.ConnectorMaxRetries));
        });
        services.AddSingleton<ChatOps.Core.Workflow.IConversationProvisioner, Channels.TeamsIncidentChannelProvisioner>();

        services.AddSingleton<ChatOps.Core.Notifications.INotificationSender, Notifications.TeamsNotificationSender>();
        services.AddSingleton<Notifications.TeamsPostedCards>();
        services.AddSingleton<ChatOps.Core.Conversations.IPostedCardUpdater>(sp => sp.GetRequiredService<Notifications.TeamsPostedCards>());
        services.AddSingleton<ChatOps.Core.Conversations.IPostedCardPoster>(sp => sp.GetRequiredService<Notifications.TeamsPostedCards>());
        ChatOps.Core.Inbound.InboundServiceCollectionExtensions.AddInboundPipeline(services);
        services.AddScoped<ReplySender>();
        services.AddScoped<MessageActivityHandler>();
        services.AddScoped<InvokeActivityHandler>();
        services.AddScoped<ConversationUpdateHandler>();
        services.AddScoped<ActivityRouter>();
        return services;
    }

    public static RouteGroupBuilder MapTeamsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/messages");
        group.MapPost(string.Empty, MessagesEndpoint.PostAsync)
            .RequireAuthorization(BotFrameworkAuthentication.PolicyName)
            .WithName("TeamsMessages");
        return group;
    }
}
