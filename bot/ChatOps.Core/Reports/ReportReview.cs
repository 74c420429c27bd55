namespace ChatOps.Core.Reports;

/// <summary>The post-incident review: answers to its questions and the agreed action items.</summary>
public sealed record ReportReview(IReadOnlyList<ReportReviewAnswer> Answers, IReadOnlyList<ReportActionItem> ActionItems);
