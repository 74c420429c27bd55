namespace ChatOps.Slack.Api;

/// <summary>A posted or updated message: its channel and <c>ts</c> (the id <c>chat.update</c> needs later).</summary>
public sealed record SlackMessageRef(string Channel, string Ts);
