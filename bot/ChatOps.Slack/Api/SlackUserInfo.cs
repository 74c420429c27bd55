namespace ChatOps.Slack.Api;

/// <summary>The parts of <c>users.info</c> the bot uses.</summary>
public sealed record SlackUserInfo(string Id, string Name, string? RealName, string? DisplayName, string? TimeZone, bool IsBot);
