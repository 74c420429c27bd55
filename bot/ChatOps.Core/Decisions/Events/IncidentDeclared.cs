using ChatOps.Core.Conversations;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>The first record of every incident. Applying it to an existing incident is a bug.</summary>
public sealed record IncidentDeclared(
    string Title,
    Severity Severity,
    ConversationKey Conversation,
    IReadOnlyList<string> Systems,
    IReadOnlyList<string> Cves) : IncidentEvent
{
    public const string EventKind = "incident.declared";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record) =>
        throw new InvalidOperationException("incident.declared creates an incident; it is applied by IncidentProjector.");

    public override string Describe() => $"Declared \"{Title}\" ({PhaseNames.Of(Severity)})";
}
