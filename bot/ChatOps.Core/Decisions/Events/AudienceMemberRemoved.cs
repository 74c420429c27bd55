using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>Someone no longer receives this incident's updates for an audience.</summary>
public sealed record AudienceMemberRemoved(string Audience, Participant Person) : IncidentEvent
{
    public const string EventKind = "audience.member-removed";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.AudienceMembers.TryGetValue(Audience, out var members))
        {
            members.RemoveAll(m => m.UserId == Person.UserId);
        }
    }

    public override string Describe() => $"{Person.DisplayName} removed from the {Audience} audience";
}
