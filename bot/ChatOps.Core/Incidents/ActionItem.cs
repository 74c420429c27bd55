namespace ChatOps.Core.Incidents;

/// <summary>A follow-up agreed in the review: who owns it, by when, and what.</summary>
public sealed record ActionItem(string Id, Participant Owner, DateOnly Due, string Text, Participant RecordedBy, DateTimeOffset RecordedAt);
