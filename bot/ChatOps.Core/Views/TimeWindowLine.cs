namespace ChatOps.Core.Views;

/// <summary>A maintenance window; cards show it in UTC.</summary>
public sealed record TimeWindowLine(DateTimeOffset Start, DateTimeOffset End);
