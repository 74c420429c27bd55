namespace ChatOps.Slack.Api;

/// <summary>An opened or updated modal: its id and <c>hash</c> (to update it without racing another update).</summary>
public sealed record SlackViewRef(string Id, string? Hash);
