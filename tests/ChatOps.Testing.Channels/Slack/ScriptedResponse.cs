namespace ChatOps.Testing.Channels.Slack;

/// <summary>A canned answer for the next call of one method (429 with Retry-After, ok:false…).</summary>
public sealed record ScriptedResponse(int Status, string Body, int? RetryAfterSeconds = null);
