using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace ChatOps.Infra.Tests.Pipelines;

/// <summary>
/// A real HTTP server on 127.0.0.1 playing the bot's gate API (bot/ChatOps.Bot/Gates: GET
/// /api/gates/{incident}/{patchId} answers GateStatus {state, approvers, window, binding, reason}, errors {error};
/// POST .../started and .../finished), recording every request.
/// </summary>
internal sealed class FakeGateServer : IAsyncDisposable
{
    public const string Token = "gate-token-for-pipeline-script-tests-0123456789";

    private readonly WebApplication _app;
    private readonly Queue<string> _states;
    private readonly Lock _gate = new();

    private FakeGateServer(WebApplication app, IEnumerable<string> states)
    {
        _app = app;
        _states = new Queue<string>(states);
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public string BaseUrl => _app.Urls.Single();

    /// <summary>What GitHub puts in ACTIONS_ID_TOKEN_REQUEST_TOKEN.</summary>
    public const string OidcRequestToken = "github-id-token-request-token";

    /// <summary>The artifact digest the approval is bound to (<c>binding.artifact</c>); null: none.</summary>
    public string? Artifact { get; set; }

    /// <summary>Starts a server whose GET answers the given states in turn, repeating the last one.</summary>
    public static async Task<FakeGateServer> StartAsync(params string[] states)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeGateServer(app, states);
        app.Map("/api/gates/{**rest}", (Delegate)server.HandleAsync);
        // GitHub Actions' ID token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL): answers {"value": <token>} for the request token.
        app.MapGet("/oidc/token", (HttpContext context) =>
            context.Request.Headers.Authorization.ToString() == $"bearer {OidcRequestToken}" && context.Request.Query["audience"] == "chatops-gate"
                ? Results.Json(new { value = Token })
                : Results.Unauthorized());
        await app.StartAsync();
        return server;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var authorization = context.Request.Headers.Authorization.ToString();
        // The raw request target, as sent: Request.Path would already be URL-decoded.
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        Requests.Enqueue(new RecordedRequest(context.Request.Method, target, authorization, body, context.Request.ContentType));
        if (authorization != $"Bearer {Token}")
        {
            return Results.Unauthorized();
        }

        if (HttpMethods.IsPost(context.Request.Method))
        {
            return Results.NoContent();
        }

        string state;
        lock (_gate)
        {
            state = _states.Count > 1 ? _states.Dequeue() : _states.Peek();
        }

        return state switch
        {
            "404" => Results.NotFound(new { error = "No patch KB5034441 in incident INC-7." }),
            "400" => Results.BadRequest(new { error = "INC 7 cannot be an incident id." }),
            "403" => Results.Problem("This gate client may not act on this tenant, incident or patch.", statusCode: StatusCodes.Status403Forbidden),
            _ => Results.Json(new
            {
                state,
                approvers = state == "approved" ? new[] { "Alice Approver" } : [],
                window = (string?)null,
                binding = new { patchId = "KB5034441", systems = new[] { "web01" }, testResult = "pass", artifact = Artifact, fingerprint = "0123456789abcdef" },
                reason = state == "rejected" ? "Rejected by Bob: rollback plan untested" : null,
            }),
        };
    }
}
