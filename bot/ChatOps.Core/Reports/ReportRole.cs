using ChatOps.Core.Incidents;

namespace ChatOps.Core.Reports;

public sealed record ReportRole(string Role, Participant Person, DateTimeOffset AssignedAt);
