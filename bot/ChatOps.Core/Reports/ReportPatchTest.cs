using ChatOps.Core.Incidents;

namespace ChatOps.Core.Reports;

public sealed record ReportPatchTest(string Result, string? Environment, string? Evidence, string? Note, string? WaiverReason, Participant By, DateTimeOffset At);
