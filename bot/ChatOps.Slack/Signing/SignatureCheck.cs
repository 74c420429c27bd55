namespace ChatOps.Slack.Signing;

/// <summary>Outcome of checking a request's Slack signature; everything but <see cref="Valid"/> is refused.</summary>
public enum SignatureCheck
{
    Valid,
    NoSecretConfigured,
    MissingHeaders,
    BadTimestamp,
    OutsideWindow,
    UnknownVersion,
    Mismatch,
    BodyTooLarge,
}
