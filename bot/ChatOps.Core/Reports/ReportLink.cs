namespace ChatOps.Core.Reports;

/// <summary>A signed, expiring link to an incident report.</summary>
public sealed record ReportLink(Uri Url, DateTimeOffset ExpiresAt);
