using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>A test result or waiver for a patch; a waiver's reason is the record's reason.</summary>
public sealed record PatchTested(string PatchId, string Result, string? Environment, string? Evidence, string? Note) : IncidentEvent
{
    public const string EventKind = "patch.tested";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(record);
        var patch = incident.FindPatch(PatchId) ?? throw new InvalidOperationException($"No patch {PatchId}.");
        patch.Tests.Add(new TestRecord(Result, Environment, Evidence, Note, Result == "waive" ? record.Reason : null, Participant.From(record.Actor), record.At));
    }

    public override string Describe() => Result switch
    {
        "waive" => $"Testing of {PatchId} waived",
        _ => $"Test of {PatchId}: {Result}{(Environment is null ? "" : $" in {Environment}")}{(Evidence is null ? "" : $", evidence {Evidence}")}{(Note is null ? "" : $" — {Note}")}",
    };
}
