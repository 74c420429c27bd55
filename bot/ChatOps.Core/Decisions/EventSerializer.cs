using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatOps.Core.Decisions.Events;

namespace ChatOps.Core.Decisions;

/// <summary>Maps event kinds to types and (de)serialises event payloads. Every event type is registered here.</summary>
public static class EventSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly FrozenDictionary<string, Type> Kinds = new Dictionary<string, Type>
    {
        [IncidentDeclared.EventKind] = typeof(IncidentDeclared),
        [PhaseChanged.EventKind] = typeof(PhaseChanged),
        [RoleAssigned.EventKind] = typeof(RoleAssigned),
        [RoleRemoved.EventKind] = typeof(RoleRemoved),
        [AttemptRefused.EventKind] = typeof(AttemptRefused),
        [DecisionNoted.EventKind] = typeof(DecisionNoted),
        [IncidentClosed.EventKind] = typeof(IncidentClosed),
        [SystemAdded.EventKind] = typeof(SystemAdded),
        [VulnerabilityAdded.EventKind] = typeof(VulnerabilityAdded),
        [ImpactAssessed.EventKind] = typeof(ImpactAssessed),
        [ChecklistSeeded.EventKind] = typeof(ChecklistSeeded),
        [ChecklistItemToggled.EventKind] = typeof(ChecklistItemToggled),
        [ContainmentAdded.EventKind] = typeof(ContainmentAdded),
        [ContainmentChanged.EventKind] = typeof(ContainmentChanged),
        [PatchAdded.EventKind] = typeof(PatchAdded),
        [PatchTested.EventKind] = typeof(PatchTested),
        [SystemPatchStateChanged.EventKind] = typeof(SystemPatchStateChanged),
        [ApprovalRequested.EventKind] = typeof(ApprovalRequested),
        [ApprovalVoted.EventKind] = typeof(ApprovalVoted),
        [ApprovalAttemptRefused.EventKind] = typeof(ApprovalAttemptRefused),
        [ApprovalVoided.EventKind] = typeof(ApprovalVoided),
        [DeploymentStarted.EventKind] = typeof(DeploymentStarted),
        [DeploymentFinished.EventKind] = typeof(DeploymentFinished),
        [NoticePublished.EventKind] = typeof(NoticePublished),
        [NoticeAcknowledged.EventKind] = typeof(NoticeAcknowledged),
        [NoticeUndeliverable.EventKind] = typeof(NoticeUndeliverable),
        [CommsReminded.EventKind] = typeof(CommsReminded),
        [AudienceMemberAdded.EventKind] = typeof(AudienceMemberAdded),
        [AudienceMemberRemoved.EventKind] = typeof(AudienceMemberRemoved),
        [NoticeReachedNobody.EventKind] = typeof(NoticeReachedNobody),
        [PriorityAssessed.EventKind] = typeof(PriorityAssessed),
        [ReviewAnswered.EventKind] = typeof(ReviewAnswered),
        [ActionItemAdded.EventKind] = typeof(ActionItemAdded),
        [ReportExported.EventKind] = typeof(ReportExported),
        [AlertFired.EventKind] = typeof(AlertFired),
        [AlertChanged.EventKind] = typeof(AlertChanged),
        [WatchEnded.EventKind] = typeof(WatchEnded),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IEnumerable<string> KnownKinds => Kinds.Keys;

    public static string Serialize(IncidentEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        return JsonSerializer.Serialize(evt, evt.GetType(), Options);
    }

    public static IncidentEvent Deserialize(string kind, string payload)
    {
        if (!Kinds.TryGetValue(kind, out var type))
        {
            throw new UnknownEventKindException(kind);
        }

        return (IncidentEvent)(JsonSerializer.Deserialize(payload, type, Options)
            ?? throw new JsonException($"Empty payload for {kind}"));
    }
}
