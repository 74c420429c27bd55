using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>
/// The watch after a deployment ended without an undecided alert: the commander was asked to verify, or (with
/// <c>Policy:AutoVerify</c>) the bot verified <paramref name="Verified"/> itself in the same change. Recorded once per
/// approval: the incident's own record is what keeps a second instance or a restart from asking again.
/// </summary>
public sealed record WatchEnded(string PatchId, string ApprovalId, TimeSpan Watch, IReadOnlyList<string> Verified) : IncidentEvent
{
    public const string EventKind = "watch.ended";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        incident.WatchesEnded.Add(ApprovalId);
    }

    public override string Describe() => Verified.Count == 0
        ? $"Quiet watch of {PatchId} ended; the commander was asked to verify"
        : $"Quiet watch of {PatchId} ended; verified {string.Join(", ", Verified)} automatically";
}
