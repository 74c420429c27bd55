namespace ChatOps.Slack.Api;

/// <summary>A conversation returned by <c>conversations.*</c>.</summary>
public sealed record SlackConversation(string Id, string? Name);
