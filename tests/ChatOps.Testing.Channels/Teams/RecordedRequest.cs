namespace ChatOps.Testing.Channels.Teams;

/// <summary>One request a fake server received: raw target (escaping preserved), headers of interest, body.</summary>
/// <remarks><c>ContentLength</c> is the header as sent (null for a chunked body).</remarks>
public sealed record RecordedRequest(string Method, string RawTarget, string? Authorization, string Body, DateTimeOffset ReceivedAt, long? ContentLength = null);
