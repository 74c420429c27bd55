namespace ChatOps.Cards.Slack.Model;

/// <summary>An option of a select or checkbox group: plain_text up to 75 characters, value up to 150.</summary>
public sealed record OptionObject(TextObject Text, string Value);
