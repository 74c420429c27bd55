using ChatOps.Core.Incidents;

namespace ChatOps.Core.Reports;

/// <summary>A follow-up from the review; <see cref="Due"/> is a calendar date, yyyy-MM-dd.</summary>
public sealed record ReportActionItem(string Id, Participant Owner, string Due, string Text);
