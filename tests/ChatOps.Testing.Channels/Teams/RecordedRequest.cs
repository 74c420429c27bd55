namespace ChatOps.Testing.Channels.Teams;

/// <summary>One request a fake server received: raw target (escaping preserved), headers of interest, body.</summary>
public sealed record RecordedRequest(string Method, string RawTarget, string? Authorization, string Body, DateTimeOffset ReceivedAt);
