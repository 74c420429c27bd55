using System.Text.Json.Nodes;
using ChatOps.Bot.Security;
using ChatOps.Core.Workflow;
using ChatOps.Teams.Channels;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatOps.Bot.Console;

/// <summary>
/// The dev console (docs/ARCHITECTURE.md "Running locally"): a page at <c>/</c> that plays a Teams channel and talks
/// to the bot only through <c>/api/messages</c>, plus the connector emulation it names as <c>serviceUrl</c> and the
/// event stream that brings the bot's messages to the browser. Development only, loopback only; Core never sees it.
/// </summary>
public static class DevConsoleEndpoints
{
    public static IServiceCollection AddDevConsole(this IServiceCollection services)
    {
        services.AddSingleton<ConsoleFeed>();
        services.AddSingleton<ConsoleTeam>();
        UseConsoleTeamForTeamsChannels(services);
        services.AddAntiforgery(options =>
        {
            options.HeaderName = ConsoleAntiforgeryFilter.HeaderName;
            options.Cookie.Name = "chatops-console-af";
        });
        return services;
    }

    // The Teams provisioner (added by AddTeamsChannel) creates channels through Microsoft Graph. In keyless Development
    // there is no app registration to ask Graph with, so the console's emulated team stands in; anywhere else, or with
    // a MicrosoftAppId, the real provisioner is used unchanged. Same place in the list, so the choice order is kept.
    private static void UseConsoleTeamForTeamsChannels(IServiceCollection services)
    {
        var index = services.ToList().FindIndex(d => d.ServiceType == typeof(IConversationProvisioner) && d.ImplementationType == typeof(TeamsIncidentChannelProvisioner));
        if (index < 0)
            return;
        services[index] = ServiceDescriptor.Singleton<IConversationProvisioner>(sp =>
        {
            var teams = ActivatorUtilities.CreateInstance<TeamsIncidentChannelProvisioner>(sp);
            return ConsoleConversationProvisioner.IsConsoleMode(sp) ? ActivatorUtilities.CreateInstance<ConsoleConversationProvisioner>(sp, teams) : teams;
        });
    }

    /// <summary>Maps the console in Development; elsewhere nothing is mapped and the result is null.</summary>
    public static RouteGroupBuilder? MapDevConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
            return null;

        var console = app.MapGroup(string.Empty)
            .AddEndpointFilter<LoopbackOnlyFilter>()
            .AddEndpointFilter<JsonOnlyFilter>()
            .RequireRateLimiting(RateLimitingExtensions.PerAddressPolicy)
            .ExcludeFromDescription();
        console.MapGet("/", ConsolePage.GetAsync);
        console.MapGet("/console/assets/{name}", ConsoleAssets.Get);
        console.MapGet("/console/events", Events);

        // The connector emulation is called by the bot itself (no page, no token); what a persona typed comes from the page.
        console.MapPost("/console/messages", RecordTypedAsync).AddEndpointFilter<ConsoleAntiforgeryFilter>();
        ConnectorEmulatorEndpoints.Map(console);
        return console;
    }

    // Server-sent events: one JSON object per event (ConsoleFeed), ended when the browser leaves or the host stops.
    private static ServerSentEventsResult<string> Events(ConsoleFeed feed, IHostApplicationLifetime lifetime, HttpContext http)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        http.Response.RegisterForDispose(stop);
        return TypedResults.ServerSentEvents(feed.SubscribeAsync(stop.Token));
    }

    // What a persona typed, shown to everyone in the conversation (Teams shows the sender's message to all members).
    private static async Task<Results<Ok<JsonObject>, BadRequest<ErrorBody>>> RecordTypedAsync(HttpRequest request, ConsoleFeed feed)
    {
        var activity = await ConnectorEmulatorEndpoints.ReadObjectAsync(request);
        var conversationId = JsonFields.StringOf(activity?["conversation"]?["id"]);
        if (activity?["type"] is null || string.IsNullOrEmpty(conversationId))
            return TypedResults.BadRequest(ErrorBody.Of("BadArgument", "The body is not an activity with a conversation.id."));
        return TypedResults.Ok(new JsonObject { ["id"] = feed.Add(conversationId, activity, null) });
    }
}
