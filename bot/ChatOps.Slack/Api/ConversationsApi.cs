using System.Text.Json.Nodes;

namespace ChatOps.Slack.Api;

/// <summary><c>conversations.*</c> methods: DMs to stakeholders and incident channels.</summary>
public class ConversationsApi(SlackApiClient client)
{
    /// <summary>Opens (or finds) the DM with <paramref name="users"/> (one user, or up to 8 for a group DM).</summary>
    public virtual async Task<SlackConversation> OpenAsync(IReadOnlyCollection<string> users, CancellationToken cancellationToken = default)
    {
        const string method = "conversations.open";
        ArgumentNullException.ThrowIfNull(users);
        if (users.Count == 0)
        {
            throw new ArgumentException("At least one user is needed.", nameof(users));
        }

        var result = await client.CallAsync(method, new JsonObject { ["users"] = string.Join(',', users) }, cancellationToken);
        return Conversation(result, method);
    }

    public virtual async Task<SlackConversation> CreateAsync(string name, bool isPrivate = false, CancellationToken cancellationToken = default)
    {
        const string method = "conversations.create";
        ArgumentException.ThrowIfNullOrEmpty(name);
        var result = await client.CallAsync(method, new JsonObject { ["name"] = name, ["is_private"] = isPrivate }, cancellationToken);
        return Conversation(result, method);
    }

    public virtual async Task<SlackConversation> InviteAsync(string channel, IReadOnlyCollection<string> users, CancellationToken cancellationToken = default)
    {
        const string method = "conversations.invite";
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentNullException.ThrowIfNull(users);
        var result = await client.CallAsync(method, new JsonObject { ["channel"] = channel, ["users"] = string.Join(',', users) }, cancellationToken);
        return Conversation(result, method);
    }

    private static SlackConversation Conversation(JsonObject result, string method) =>
        new(SlackApiClient.Required(result, method, "channel", "id"), SlackApiClient.Optional(result, "channel", "name"));
}
