using ChatOps.Core.Incidents;

namespace ChatOps.Core.Reports;

public sealed record ReportSystem(string Name, Participant? Owner, string Criticality);
