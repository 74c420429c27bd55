using System.Text.Json.Nodes;

namespace ChatOps.Slack.Api;

/// <summary><c>views.*</c> methods: modals for phase dialogs.</summary>
public class ViewsApi(SlackApiClient client)
{
    /// <summary>Opens a modal; <paramref name="triggerId"/> comes from the click or command and expires after 3 seconds.</summary>
    public virtual async Task<SlackViewRef> OpenAsync(string triggerId, JsonObject view, CancellationToken cancellationToken = default)
    {
        const string method = "views.open";
        ArgumentException.ThrowIfNullOrEmpty(triggerId);
        ArgumentNullException.ThrowIfNull(view);
        var result = await client.CallAsync(method, new JsonObject { ["trigger_id"] = triggerId, ["view"] = view.DeepClone() }, cancellationToken);
        return ViewRef(result, method);
    }

    /// <summary>Replaces an open modal; with <paramref name="hash"/> Slack refuses the update if the view changed meanwhile.</summary>
    public virtual async Task<SlackViewRef> UpdateAsync(string viewId, JsonObject view, string? hash = null, CancellationToken cancellationToken = default)
    {
        const string method = "views.update";
        ArgumentException.ThrowIfNullOrEmpty(viewId);
        ArgumentNullException.ThrowIfNull(view);
        var arguments = new JsonObject { ["view_id"] = viewId, ["view"] = view.DeepClone() };
        if (hash is not null)
        {
            arguments["hash"] = hash;
        }

        var result = await client.CallAsync(method, arguments, cancellationToken);
        return ViewRef(result, method);
    }

    private static SlackViewRef ViewRef(JsonObject result, string method) =>
        new(SlackApiClient.Required(result, method, "view", "id"), SlackApiClient.Optional(result, "view", "hash"));
}
