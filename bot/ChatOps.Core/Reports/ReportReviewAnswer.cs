using ChatOps.Core.Incidents;

namespace ChatOps.Core.Reports;

public sealed record ReportReviewAnswer(string Question, string Answer, Participant By, DateTimeOffset At);
