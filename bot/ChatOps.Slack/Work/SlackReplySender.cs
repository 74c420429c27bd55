using System.Text.Json.Nodes;
using ChatOps.Cards.Slack;
using ChatOps.Core.Commands;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Inbound;
using ChatOps.Core.Views;
using ChatOps.Slack.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOps.Slack.Work;

/// <summary>
/// Delivers Core replies: <see cref="ReplyMode.Post"/> through <c>chat.postMessage</c>, <see cref="ReplyMode.Private"/>
/// through the request's <c>response_url</c> (works even where the bot is not a member; falls back to
/// <c>chat.postEphemeral</c> when it has expired),
/// <see cref="ReplyMode.UpdateCard"/> through <c>chat.update</c> on the clicked message (or <c>replace_original</c>).
/// A posted message's channel and <c>ts</c> are returned, so the inbound pipeline can record an approval card for later
/// updates (SlackPostedCards). A reply's file is uploaded into the conversation where the app has <c>files:write</c>; without it the
/// actor is told the file could not be attached (the reply's link still works).
/// </summary>
public class SlackReplySender(
    ChatApi chat,
    SlackResponseUrlClient responseUrls,
    SlackModalOpener modals,
    FilesApi? files = null,
    ILogger<SlackReplySender>? logger = null,
    ConversationsApi? conversations = null)
{
    /// <summary>Slack errors that mean the app may not upload files (scope not granted, or a token type that cannot).</summary>
    private static readonly string[] NoFilePermission = ["missing_scope", "not_allowed_token_type", "no_permission", "restricted_action"];

    /// <summary>The replies to one request, going to <paramref name="target"/>, as Core's inbound pipeline sends them.</summary>
    public IReplyPort PortFor(SlackReplyTarget target) =>
        new ChannelReplyPort((reply, cancellationToken) => SendAsync(reply, target, cancellationToken), ex => ex is SlackApiException or HttpRequestException);

    /// <summary>Sends one reply; returns where a <see cref="ReplyMode.Post"/> reply was posted as a new message, else null.</summary>
    public virtual async Task<PostedCard?> SendAsync(Reply reply, SlackReplyTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(target);
        var posted = await SendViewAsync(reply, target, cancellationToken);
        if (reply.File is { } file && files is not null)
        {
            await AttachAsync(file, target, toRequester: reply.Mode == ReplyMode.Requester, cancellationToken);
        }

        return posted;
    }

    private async Task<PostedCard?> SendViewAsync(Reply reply, SlackReplyTarget target, CancellationToken cancellationToken)
    {
        var message = BlockKitRenderer.Render(reply.View);
        var responseUrl = target.ResponseUrl is { } url && responseUrls.IsAllowed(url) ? url : null;
        switch (reply.Mode)
        {
            case ReplyMode.Form when reply.View is ChatOps.Core.Views.ApprovalRequestView approval && target.TriggerId is { } trigger:
                // Reject asks for a reason in a modal; its submission comes back as approval.reject.
                await modals.OpenAsync(trigger, BlockKitRenderer.RenderRejectModal(approval), target, cancellationToken);
                break;
            case ReplyMode.Form when reply.View is ChatOps.Core.Views.AlertCardView alert && target.TriggerId is { } trigger:
                // Keep asks for a reason in a modal; its submission comes back as alert.keep.
                await modals.OpenAsync(trigger, BlockKitRenderer.RenderKeepModal(alert), target, cancellationToken);
                break;
            case ReplyMode.Form when reply.View is ChatOps.Core.Views.DialogFormView form && target.TriggerId is { } trigger:
                // Open form under a dialog question; the submission comes back as dialog.submit.
                await modals.OpenAsync(trigger, BlockKitRenderer.RenderDialogModal(form), target, cancellationToken);
                break;
            case ReplyMode.Private or ReplyMode.Requester when responseUrl is not null:
                if (!await TryResponseUrlAsync(responseUrl, ResponseUrlBody(message, replaceOriginal: false), cancellationToken))
                {
                    await chat.PostEphemeralAsync(target.ChannelId, target.UserId, message, target.ThreadTs, cancellationToken);
                }

                break;
            case ReplyMode.Private or ReplyMode.Requester:
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
                var posted = await chat.PostMessageAsync(target.ChannelId, message, target.ThreadTs, cancellationToken);
                return reply.Mode == ReplyMode.Post ? new PostedCard(ChannelKind.Slack, target.TeamId, posted.Channel, posted.Ts) : null;
        }

        return null;
    }

    // A file for the requester alone goes to their direct messages with the bot (conversations.open), not the channel.
    private async Task<SlackReplyTarget> RequesterTargetAsync(SlackReplyTarget target, CancellationToken cancellationToken)
    {
        if (conversations is null)
        {
            throw new InvalidOperationException("A reply for the requester alone needs ConversationsApi to reach their direct messages.");
        }

        var direct = await conversations.OpenAsync([target.UserId], cancellationToken);
        return target with { ChannelId = direct.Id, ThreadTs = null };
    }

    private async Task AttachAsync(FileAttachment file, SlackReplyTarget target, bool toRequester, CancellationToken cancellationToken)
    {
        string? problem;
        try
        {
            var destination = toRequester ? await RequesterTargetAsync(target, cancellationToken) : target;
            await files!.UploadAsync(destination.ChannelId, file.FileName, file.Content, file.Title, threadTs: destination.ThreadTs, cancellationToken: cancellationToken);
            return;
        }
        catch (SlackApiException ex) when (NoFilePermission.Contains(ex.ErrorCode, StringComparer.Ordinal))
        {
            problem = "this Slack app may not upload files (it needs the files:write scope)";
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
        {
            Log.ReplyFailed(logger ?? NullLogger<SlackReplySender>.Instance, ex, "file");
            problem = "Slack did not accept the upload";
        }

        await SendViewAsync(new Reply(new TextView($"{file.FileName} could not be attached: {problem}. The link above still works."), ReplyMode.Private), target, cancellationToken);
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
