using System.Security.Claims;
using System.Text.Json;
using ChatOps.Bot.Gates.Auth;
using ChatOps.Core.Gates;
using ChatOps.Core.Storage;
using ChatOps.Core.Workflow;
using ChatOps.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatOps.Bot.Gates;

/// <summary>
/// <c>GET /api/gates/{incident}/{patchId}</c> lets a pipeline wait on the approval button;
/// <c>POST …/started</c> and <c>…/finished</c> record the deployment's progress and post it to the incident's channel.
/// </summary>
public static class GateEndpoints
{
    public static RouteGroupBuilder MapGateEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/gates/{incident}/{patchId}").RequireAuthorization(GateAuthentication.PolicyName);
        group.MapGet("", GetAsync);
        group.MapPost("/started", (string incident, string patchId, ClaimsPrincipal user, GateService gates, CancellationToken ct) =>
            RecordAsync(incident, patchId, user, started: true, succeeded: true, gates, ct));
        group.MapPost("/finished", FinishedAsync);
        return group;
    }

    // The policy has checked ?tenant= (when given) against the caller's one tenant, so the tenant is always the caller's.
    private static string TenantOf(ClaimsPrincipal user) => GateScope.From(user)!.TenantId;

    private static async Task<Results<Ok<GateStatus>, NotFound<ProblemBody>>> GetAsync(
        string incident, string patchId, ClaimsPrincipal user, GateService gates, CancellationToken cancellationToken)
    {
        var status = await gates.GetAsync(TenantOf(user), incident, patchId, cancellationToken);
        return status is null
            ? TypedResults.NotFound(new ProblemBody($"No patch {patchId} in incident {incident}."))
            : TypedResults.Ok(status);
    }

    /// <summary>A finished report is a few bytes; anything near this is not one.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    // The body is read here, not bound by the framework, so it is read only after the gate policy has let the caller in:
    // an unauthenticated request gets 401 whatever its body, never a parse error.
    private static async Task<Results<Ok<GateStatus>, NotFound<ProblemBody>, BadRequest<ProblemBody>, Conflict<ProblemBody>, ProblemHttpResult>> FinishedAsync(
        string incident, string patchId, ClaimsPrincipal user, HttpRequest request, GateService gates, CancellationToken cancellationToken)
    {
        const string Form = "Send {\"result\": \"succeeded\"} or {\"result\": \"failed\"}";
        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem(Form + " as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var bytes = await InboundBody.ReadAsync(request.Body, request.ContentLength, MaxBodyBytes, cancellationToken);
        if (bytes is null)
        {
            return TypedResults.Problem($"{Form}; the body is at most {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        FinishedBody? body;
        try
        {
            body = bytes.Length == 0 ? null : JsonSerializer.Deserialize<FinishedBody>(bytes, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body?.Result is not ("succeeded" or "failed"))
        {
            return TypedResults.BadRequest(new ProblemBody(Form + "."));
        }

        return await RecordAsync(incident, patchId, user, started: false, body.Result == "succeeded", gates, cancellationToken);
    }

    private static async Task<Results<Ok<GateStatus>, NotFound<ProblemBody>, BadRequest<ProblemBody>, Conflict<ProblemBody>, ProblemHttpResult>> RecordAsync(
        string incident, string patchId, ClaimsPrincipal user, bool started, bool succeeded, GateService gates, CancellationToken cancellationToken)
    {
        var tenantId = TenantOf(user);
        var outcome = await gates.RecordAsync(tenantId, incident, patchId, started, succeeded, cancellationToken);
        return outcome.Status switch
        {
            OutcomeStatus.Applied => TypedResults.Ok((await gates.GetAsync(tenantId, incident, patchId, cancellationToken))!),
            OutcomeStatus.NotFound => TypedResults.NotFound(new ProblemBody(outcome.Refusal!)),
            _ => TypedResults.Conflict(new ProblemBody(outcome.Refusal ?? "Nothing was recorded.")),
        };
    }
}

public sealed record FinishedBody(string? Result);

public sealed record ProblemBody(string Error);
