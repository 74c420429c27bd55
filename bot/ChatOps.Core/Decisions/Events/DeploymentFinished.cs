using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>A pipeline reported that the deployment finished (succeeded or failed).</summary>
public sealed record DeploymentFinished(string PatchId, bool Succeeded, string Source) : IncidentEvent
{
    public const string EventKind = "deployment.finished";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
    }

    public override string Describe() => $"Deployment of {PatchId} {(Succeeded ? "succeeded" : "failed")} ({Source})";
}
