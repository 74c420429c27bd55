using System.Text.Json.Nodes;

namespace ChatOps.Testing.Channels.Slack;

/// <summary>An acknowledgement the fake Socket Mode server received: which envelope, its payload, on which connection.</summary>
public sealed record SocketModeAck(string EnvelopeId, JsonObject? Payload, int Connection, JsonObject Raw);
