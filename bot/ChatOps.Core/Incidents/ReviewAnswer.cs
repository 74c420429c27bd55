namespace ChatOps.Core.Incidents;

/// <summary>One answer of the post-incident review (the newest answer to a question counts).</summary>
public sealed record ReviewAnswer(string Question, string Answer, Participant By, DateTimeOffset At);
