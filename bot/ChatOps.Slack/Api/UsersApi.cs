using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOps.Slack.Api;

/// <summary><c>users.*</c> methods.</summary>
public class UsersApi(SlackApiClient client)
{
    /// <summary>The user, or null when Slack answers <c>user_not_found</c>.</summary>
    public virtual async Task<SlackUserInfo?> InfoAsync(string user, CancellationToken cancellationToken = default)
    {
        const string method = "users.info";
        ArgumentException.ThrowIfNullOrEmpty(user);
        JsonObject result;
        try
        {
            result = await client.CallAsync(method, new JsonObject { ["user"] = user }, cancellationToken);
        }
        catch (SlackApiException ex) when (ex.ErrorCode == "user_not_found")
        {
            return null;
        }

        return new SlackUserInfo(
            SlackApiClient.Required(result, method, "user", "id"),
            SlackApiClient.Optional(result, "user", "name") ?? string.Empty,
            SlackApiClient.Optional(result, "user", "real_name") ?? SlackApiClient.Optional(result, "user", "profile", "real_name"),
            SlackApiClient.Optional(result, "user", "profile", "display_name"),
            SlackApiClient.Optional(result, "user", "tz"),
            result["user"]?["is_bot"]?.GetValueKind() == JsonValueKind.True);
    }
}
