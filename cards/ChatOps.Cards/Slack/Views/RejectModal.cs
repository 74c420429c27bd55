using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Cards.Slack.Model;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Slack.Views;

/// <summary>
/// The modal the Reject button opens: callback_id <c>approval.reject</c>, the approval's data in
/// <c>private_metadata</c> (JSON, same keys as the button value) and the reason in
/// <c>view.state.values["reason"]["reason"].value</c>.
/// </summary>
internal static class RejectModal
{
    public static JsonObject Render(ApprovalRequestView view)
    {
        var metadata = JsonSerializer.Serialize(CardData.Approval(view), BlockKitJsonContext.Default.IReadOnlyDictionaryStringString);
        if (metadata.Length > SlackLimits.PrivateMetadata)
        {
            throw new ArgumentException($"Approval ids are too long for a Slack modal's private_metadata ({metadata.Length} characters).", nameof(view));
        }

        return SlackFit.Modal(new ModalView
        {
            CallbackId = CardVerbs.ApprovalReject,
            Title = TextObject.FromPlainText("Reject deployment"),
            Submit = TextObject.FromPlainText("Reject"),
            Close = TextObject.FromPlainText("Cancel"),
            PrivateMetadata = metadata,
            Blocks =
            [
                SlackParts.Section($"Reject deploying *{SlackParts.Esc(view.PatchId)}* for {SlackParts.Esc(view.IncidentNumber)}?"),
                new InputBlock
                {
                    BlockId = CardDataKeys.Reason,
                    Label = TextObject.FromPlainText("Why reject this deployment?"),
                    Element = new PlainTextInputElement { ActionId = CardDataKeys.Reason, Multiline = true, MaxLength = 500 },
                },
            ],
        });
    }
}
