using System.Text.Json;

namespace ChatOps.Slack.Wire;

/// <summary>Slack's wire naming is snake_case; unknown fields are kept in each type's extension data.</summary>
internal static class SlackJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
