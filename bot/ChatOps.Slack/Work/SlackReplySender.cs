using System.Text.Json.Nodes;
using ChatOps.Cards.Slack;
using ChatOps.Core.Commands;
using ChatOps.Slack.Api;

namespace ChatOps.Slack.Work;

/// <summary>
/// Delivers Core replies: <see cref="ReplyMode.Post"/> through <c>chat.postMessage</c>, <see cref="ReplyMode.Private"/>
/// through the request's <c>response_url</c> (works even where the bot is not a member; falls back to
/// <c>chat.postEphemeral</c> when it has expired),
/// <see cref="ReplyMode.UpdateCard"/> through <c>chat.update</c> on the clicked message (or <c>replace_original</c>).
/// </summary>
public class SlackReplySender(ChatApi chat, SlackResponseUrlClient responseUrls, SlackModalOpener modals)
{
    public virtual async Task SendAsync(Reply reply, SlackReplyTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(target);
        var message = BlockKitRenderer.Render(reply.View);
        var responseUrl = target.ResponseUrl is { } url && responseUrls.IsAllowed(url) ? url : null;
        switch (reply.Mode)
        {
            case ReplyMode.Form when reply.View is ChatOps.Core.Views.ApprovalRequestView approval && target.TriggerId is { } trigger:
                // Reject asks for a reason in a modal; its submission comes back as approval.reject.
                await modals.OpenAsync(trigger, BlockKitRenderer.RenderRejectModal(approval), target, cancellationToken);
                break;
            case ReplyMode.Form when reply.View is ChatOps.Core.Views.DialogFormView form && target.TriggerId is { } trigger:
                // Open form under a dialog question; the submission comes back as dialog.submit.
                await modals.OpenAsync(trigger, BlockKitRenderer.RenderDialogModal(form), target, cancellationToken);
                break;
            case ReplyMode.Private when responseUrl is not null:
                if (!await TryResponseUrlAsync(responseUrl, ResponseUrlBody(message, replaceOriginal: false), cancellationToken))
                {
                    await chat.PostEphemeralAsync(target.ChannelId, target.UserId, message, target.ThreadTs, cancellationToken);
                }

                break;
            case ReplyMode.Private:
                await chat.PostEphemeralAsync(target.ChannelId, target.UserId, message, target.ThreadTs, cancellationToken);
                break;
            case ReplyMode.UpdateCard when target.MessageTs is { } ts:
                await chat.UpdateAsync(target.MessageChannelId ?? target.ChannelId, ts, message, cancellationToken);
                break;
            case ReplyMode.UpdateCard when responseUrl is not null:
                if (!await TryResponseUrlAsync(responseUrl, ResponseUrlBody(message, replaceOriginal: true), cancellationToken))
                {
                    await chat.PostMessageAsync(target.ChannelId, message, target.ThreadTs, cancellationToken);
                }

                break;
            default:
                await chat.PostMessageAsync(target.ChannelId, message, target.ThreadTs, cancellationToken);
                break;
        }
    }

    /// <summary>A response_url expires (30 minutes, a few uses); false tells the caller to use the Web API instead.</summary>
    private async Task<bool> TryResponseUrlAsync(string responseUrl, JsonObject body, CancellationToken cancellationToken)
    {
        try
        {
            await responseUrls.SendAsync(responseUrl, body, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
        {
            return false;
        }
    }

    private static JsonObject ResponseUrlBody(BlockKitMessage message, bool replaceOriginal)
    {
        var body = new JsonObject
        {
            ["text"] = message.Text,
            ["blocks"] = message.Blocks.DeepClone(),
        };
        if (replaceOriginal)
        {
            body["replace_original"] = true;
        }
        else
        {
            body["response_type"] = "ephemeral";
        }

        return body;
    }
}
