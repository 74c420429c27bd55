using System.Text.Json.Nodes;

namespace ChatOps.Slack.Tests.Api;

/// <summary>The ok/error response examples of slack-api-specs (TestData/slack-webapi-examples.json).</summary>
internal static class WebApiExamples
{
    private static readonly JsonObject Examples = JsonNode.Parse(TestFiles.Read("slack-webapi-examples.json"))!.AsObject();

    public static string Ok(string method) => Examples[method]!["ok_example"]!.ToJsonString();

    public static string Error(string method) => Examples[method]!["error_example"]!.ToJsonString();
}
