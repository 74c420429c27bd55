namespace ChatOps.Slack.Work;

/// <summary>
/// What makes a delivery "the same one again" (an <c>event_id</c>, one person pressing one button on one
/// message, one modal submitted): claimed in <c>IIdempotencyStore</c> by the worker, never on the request path.
/// </summary>
/// <param name="Scope">Idempotency scope (<c>slack-event</c>, <c>slack-action</c>, <c>slack-view</c>, <c>slack-command</c>).</param>
/// <param name="Key">Key inside the scope.</param>
/// <param name="RetryNum">Slack's <c>X-Slack-Retry-Num</c>, for the log only.</param>
public sealed record SlackDeliveryKey(string Scope, string Key, string? RetryNum = null);
