using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions;

/// <summary>Builds an incident's state from its decision records: state is always a projection of events.</summary>
public static class IncidentProjector
{
    /// <summary>Applies one record; <paramref name="state"/> is null only for the first (declaration).</summary>
    public static Incident Apply(Incident? state, DecisionRecord record, IncidentEvent evt, string incidentId)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(evt);
        Incident incident;
        if (evt is IncidentDeclared declared)
        {
            if (state is not null)
            {
                throw new InvalidOperationException($"Incident {incidentId} is already declared.");
            }

            incident = new Incident
            {
                TenantId = record.Actor.TenantId,
                Id = incidentId,
                Title = declared.Title,
                Severity = declared.Severity,
                Conversation = declared.Conversation,
                DeclaredBy = new Participant(record.Actor.UserId, record.Actor.DisplayName),
                DeclaredAt = record.At,
            };
            incident.ApplyDeclaration(declared, record);
        }
        else
        {
            incident = state ?? throw new InvalidOperationException($"Incident {incidentId} has no declaration record.");
            evt.Apply(incident, record);
        }

        incident.Version = record.Sequence;
        incident.LastHash = record.Hash;
        incident.UpdatedAt = record.At;
        return incident;
    }

    /// <summary>Replays a whole log (used by tests and by <c>verify</c> to compare with the snapshot).</summary>
    public static Incident Replay(string incidentId, IEnumerable<DecisionRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        Incident? state = null;
        foreach (var record in records)
        {
            state = Apply(state, record, EventSerializer.Deserialize(record.Kind, record.Payload), incidentId);
        }

        return state ?? throw new InvalidOperationException($"Incident {incidentId} has no records.");
    }
}
