using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;

namespace ChatOps.Core.Incidents;

/// <summary>
/// The current state of one incident: a projection of its decision records (see <see cref="Decisions.IncidentEvent"/>),
/// stored as a snapshot beside them so a command reads one row. Never changed except by applying an event.
/// </summary>
public sealed partial class Incident
{
    public required string TenantId { get; init; }

    /// <summary>Human-friendly number, unique per tenant, e.g. <c>INC-2026-0007</c>; also the incident's id.</summary>
    public required string Id { get; init; }

    public string Title { get; set; } = "";

    public Severity Severity { get; set; } = Severity.Sev2;

    public required ConversationKey Conversation { get; init; }

    public Phase Phase { get; set; } = Phase.Assess;

    public IncidentStatus Status { get; set; } = IncidentStatus.Active;

    public required Participant DeclaredBy { get; init; }

    public DateTimeOffset DeclaredAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public List<RoleAssignment> Roles { get; init; } = [];

    /// <summary>Sequence number of the last applied decision record (0 before the first).</summary>
    public long Version { get; set; }

    /// <summary>Hash of the last applied decision record.</summary>
    public string LastHash { get; set; } = Decisions.HashChain.GenesisHash;

    public bool IsClosed => Status == IncidentStatus.Closed;

    public Participant? Holder(IncidentRole role) => Roles.LastOrDefault(r => r.Role == role)?.Person;

    public bool Holds(string userId, IncidentRole role) =>
        Roles.Any(r => r.Role == role && string.Equals(r.Person.UserId, userId, StringComparison.Ordinal));

    /// <summary>The commander, or the declarer until a commander is named.</summary>
    public bool IsCommander(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var commander = Holder(IncidentRole.Commander) ?? DeclaredBy;
        return string.Equals(commander.UserId, actor.UserId, StringComparison.Ordinal);
    }
}
