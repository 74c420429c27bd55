using ChatOps.Core.Commands;

namespace ChatOps.Slack.Inbound;

/// <summary>Message text with Slack's control sequences resolved and the users it mentions.</summary>
public sealed record NormalisedText(string Text, IReadOnlyList<MentionedUser> Mentions);
