using ChatOps.Core.Ci;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>
/// A test result or waiver for a patch; a waiver's reason is the record's reason. <paramref name="Run"/> (issue 20) is
/// set when the result was read from a CI run; records written before it have none and read as typed claims, and a
/// typed result writes no <c>run</c> property, so its payload is what it always was.
/// </summary>
public sealed record PatchTested(string PatchId, string Result, string? Environment, string? Evidence, string? Note, CiRunFacts? Run = null) : IncidentEvent
{
    public const string EventKind = "patch.tested";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(record);
        var patch = incident.FindPatch(PatchId) ?? throw new InvalidOperationException($"No patch {PatchId}.");
        patch.Tests.Add(new TestRecord(Result, Environment, Evidence, Note, Result == "waive" ? record.Reason : null, Participant.From(record.Actor), record.At, Run));
    }

    public override string Describe() => Result switch
    {
        "waive" => $"Testing of {PatchId} waived",
        _ when Run is not null => $"Test of {PatchId}: {Result} from {CiRunText.Describe(Run)}{(Environment is null ? "" : $" in {Environment}")}{(Note is null ? "" : $" — {Note}")}",
        _ => $"Test of {PatchId}: {Result}{(Environment is null ? "" : $" in {Environment}")}{(Evidence is null ? "" : $", evidence {Evidence}")}{(Note is null ? "" : $" — {Note}")}",
    };
}
