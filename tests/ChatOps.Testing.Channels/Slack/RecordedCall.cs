using System.Text.Json.Nodes;

namespace ChatOps.Testing.Channels.Slack;

/// <summary>One request the fake Slack received: Web API method (or <c>response_url</c> path), headers and body.</summary>
public sealed record RecordedCall(string Method, string? Authorization, string? ContentType, string Body)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public string? Field(string name) => Json[name]?.ToString();
}
