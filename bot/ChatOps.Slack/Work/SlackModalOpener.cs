using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Slack.Api;

namespace ChatOps.Slack.Work;

/// <summary>
/// Opens a rendered modal (e.g. <c>BlockKitRenderer.RenderRejectModal</c>) for a click. A <c>view_submission</c>
/// carries no channel, so the modal's <c>private_metadata</c> gets the conversation (<c>channel_id</c>) and the
/// clicked message (<c>message_ts</c>, <c>message_channel_id</c>) added; the submission then answers there and
/// can update that message.
/// </summary>
public class SlackModalOpener(ViewsApi views)
{
    public const string ChannelKey = "channel_id";
    public const string MessageTsKey = "message_ts";
    public const string MessageChannelKey = "message_channel_id";

    /// <summary>Slack's limit on <c>private_metadata</c>.</summary>
    public const int MaxPrivateMetadata = 3000;

    public virtual Task<SlackViewRef> OpenAsync(string triggerId, JsonObject modal, SlackReplyTarget target, CancellationToken cancellationToken = default) =>
        views.OpenAsync(triggerId, WithContext(modal, target), cancellationToken);

    /// <summary>A copy of <paramref name="modal"/> whose private_metadata also names the conversation and message.</summary>
    public static JsonObject WithContext(JsonObject modal, SlackReplyTarget target)
    {
        ArgumentNullException.ThrowIfNull(modal);
        ArgumentNullException.ThrowIfNull(target);
        var copy = modal.DeepClone().AsObject();
        var existing = copy["private_metadata"]?.GetValue<string>();
        JsonObject metadata;
        try
        {
            metadata = string.IsNullOrEmpty(existing) ? [] : JsonNode.Parse(existing)?.AsObject() ?? [];
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new ArgumentException("The modal's private_metadata is not a JSON object.", nameof(modal), ex);
        }

        metadata[ChannelKey] = target.ChannelId;
        if (target.MessageTs is not null)
        {
            metadata[MessageTsKey] = target.MessageTs;
            metadata[MessageChannelKey] = target.MessageChannelId ?? target.ChannelId;
        }

        var text = metadata.ToJsonString();
        if (text.Length > MaxPrivateMetadata)
        {
            throw new ArgumentException($"private_metadata would be {text.Length} characters; Slack allows {MaxPrivateMetadata}.", nameof(modal));
        }

        copy["private_metadata"] = text;
        return copy;
    }
}
