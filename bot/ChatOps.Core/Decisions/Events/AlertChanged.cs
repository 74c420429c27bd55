using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>An alert resolved (reported by its source), or was kept or answered with a roll back (the record's reason says why).</summary>
public sealed record AlertChanged(string AlertId, AlertState State) : IncidentEvent
{
    public const string EventKind = "alert.changed";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(record);
        var alert = incident.FindAlert(AlertId) ?? throw new InvalidOperationException($"No alert {AlertId}.");
        alert.State = State;
        alert.ChangedAt = record.At;
        if (State is AlertState.Kept or AlertState.RolledBack)
        {
            alert.DecidedBy = Participant.From(record.Actor);
            alert.Reason = record.Reason;
        }
    }

    public override string Describe() => State switch
    {
        AlertState.Resolved => $"Alert {AlertId} resolved",
        AlertState.Kept => $"Alert {AlertId} kept: the deployment stays",
        AlertState.RolledBack => $"Alert {AlertId} answered with a roll back",
        _ => $"Alert {AlertId} firing again",
    };
}
