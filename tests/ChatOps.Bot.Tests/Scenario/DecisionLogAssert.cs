using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Scenario;

/// <summary>Checks the stored decision log of an incident: the emergency-patch steps, in order, each by the right person.</summary>
internal static class DecisionLogAssert
{
    /// <summary>What the scenario records: the commander declares and runs it, the requester asks, the approver decides.</summary>
    public static (string Kind, string ActorId)[] EmergencyPatch(string commander, string requester, string approver) =>
    [
        (IncidentDeclared.EventKind, commander),
        (VulnerabilityAdded.EventKind, commander),
        (ContainmentAdded.EventKind, commander),
        (ContainmentAdded.EventKind, commander),
        (ContainmentChanged.EventKind, commander),
        (ContainmentChanged.EventKind, commander),
        (PatchAdded.EventKind, commander),
        (PatchTested.EventKind, commander),
        (RoleAssigned.EventKind, commander),
        (RoleAssigned.EventKind, commander),
        (ApprovalRequested.EventKind, requester),
        (ApprovalAttemptRefused.EventKind, requester),
        (ApprovalVoted.EventKind, approver),
        (DeploymentStarted.EventKind, requester),
        (SystemPatchStateChanged.EventKind, requester),
        (SystemPatchStateChanged.EventKind, requester),
        (NoticePublished.EventKind, commander),
        (ContainmentChanged.EventKind, commander),
        (ContainmentChanged.EventKind, commander),
        (IncidentClosed.EventKind, commander),
    ];

    public static async Task ContainsInOrderAsync(IServiceProvider services, string tenantId, string incidentId, IEnumerable<(string Kind, string ActorId)> expected)
    {
        var records = await services.GetRequiredService<IIncidentStore>().GetDecisionsAsync(tenantId, incidentId);
        var next = 0;
        foreach (var (kind, actor) in expected)
        {
            var index = IndexOf(records, next, kind, actor);
            Assert.True(index >= 0, $"No '{kind}' by {actor} after record {next} in: {string.Join(", ", records.Select(r => $"{r.Kind}/{r.Actor.UserId}"))}");
            next = index + 1;
        }
    }

    private static int IndexOf(IReadOnlyList<DecisionRecord> records, int from, string kind, string actor)
    {
        for (var i = from; i < records.Count; i++)
        {
            if (records[i].Kind == kind && records[i].Actor.UserId == actor)
                return i;
        }

        return -1;
    }
}
