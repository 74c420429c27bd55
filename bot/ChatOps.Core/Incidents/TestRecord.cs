using ChatOps.Core.Ci;

namespace ChatOps.Core.Incidents;

/// <summary>
/// A staging test result (or waiver) of a patch. <paramref name="Run"/> holds the CI run's facts when the result was
/// read from the run (<c>test … --run URL</c>); without it the result is a typed claim.
/// </summary>
public sealed record TestRecord(string Result, string? Environment, string? Evidence, string? Note, string? WaiverReason, Participant By, DateTimeOffset At, CiRunFacts? Run = null)
{
    public bool Passed => Result == "pass";

    public bool Waived => Result == "waive";
}
