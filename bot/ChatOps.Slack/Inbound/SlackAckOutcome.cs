namespace ChatOps.Slack.Inbound;

/// <summary>What the inbound pipeline did with a verified delivery; each transport turns it into its own answer.</summary>
public enum SlackAckOutcome
{
    /// <summary>Handed to the work entry point (or answered at once, e.g. form errors): acknowledge.</summary>
    Accepted,

    /// <summary>Nothing to do (a bot's own message, an interaction type the bot does not handle): acknowledge.</summary>
    Ignored,

    /// <summary>The work entry point turned it away: over HTTP 503 (or a busy text), over a socket no ack, so Slack retries.</summary>
    Busy,
}
