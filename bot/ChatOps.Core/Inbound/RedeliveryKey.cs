namespace ChatOps.Core.Inbound;

/// <summary>
/// Names a delivery the channel may repeat (a Teams activity sent again, a Slack retry or double click), so it acts once.
/// </summary>
/// <param name="Scope">The kind of key (<c>teams-activity</c>, <c>slack-event</c>…).</param>
/// <param name="Key">The delivery's identity within the scope.</param>
/// <param name="Holder">Who claims it, when a re-run by the same holder must still count as its own claim (a request
/// taken again from the durable intake after a crash); null for a plain first-come claim.</param>
public sealed record RedeliveryKey(string Scope, string Key, string? Holder = null);
