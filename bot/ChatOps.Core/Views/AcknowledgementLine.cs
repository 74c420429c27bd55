namespace ChatOps.Core.Views;

/// <summary>Whether a person has acknowledged the maintenance notice, and when.</summary>
public sealed record AcknowledgementLine(string DisplayName, bool Acknowledged, DateTimeOffset? At = null);
