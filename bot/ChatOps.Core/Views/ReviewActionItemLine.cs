namespace ChatOps.Core.Views;

/// <summary>A follow-up from the review, with owner and due date.</summary>
public sealed record ReviewActionItemLine(string Text, string? Owner, DateTimeOffset? Due);
