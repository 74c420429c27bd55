namespace ChatOps.Cards.Slack.Model;

/// <summary>A horizontal rule.</summary>
public sealed record DividerBlock : Block;
