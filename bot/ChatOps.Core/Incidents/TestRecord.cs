namespace ChatOps.Core.Incidents;

/// <summary>A staging test result (or waiver) of a patch.</summary>
public sealed record TestRecord(string Result, string? Environment, string? Evidence, string? Note, string? WaiverReason, Participant By, DateTimeOffset At)
{
    public bool Passed => Result == "pass";

    public bool Waived => Result == "waive";
}
