using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>Someone will receive this incident's updates for an audience (scoped to this incident only).</summary>
public sealed record AudienceMemberAdded(string Audience, Participant Person) : IncidentEvent
{
    public const string EventKind = "audience.member-added";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (!incident.AudienceMembers.TryGetValue(Audience, out var members))
        {
            incident.AudienceMembers[Audience] = members = [];
        }

        members.RemoveAll(m => m.UserId == Person.UserId);
        members.Add(Person);
    }

    public override string Describe() => $"{Person.DisplayName} added to the {Audience} audience";
}
