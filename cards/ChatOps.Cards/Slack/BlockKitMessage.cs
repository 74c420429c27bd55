using System.Text.Json.Nodes;

namespace ChatOps.Cards.Slack;

/// <summary>A Slack message body: the plain-text fallback and the Block Kit blocks.</summary>
public sealed record BlockKitMessage(string Text, JsonArray Blocks);
