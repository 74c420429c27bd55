using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Cards.Slack.Model;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Slack.Views;

/// <summary>
/// The modals a button opens to ask for a reason (approval Reject, alert Keep): the callback_id is the button's verb,
/// the card's data goes in <c>private_metadata</c> (JSON, same keys as the button value) and the reason comes back in
/// <c>view.state.values["reason"]["reason"].value</c>.
/// </summary>
internal static class ReasonModal
{
    public static JsonObject Reject(ApprovalRequestView view) => Render(
        CardVerbs.ApprovalReject, CardData.Approval(view), "Approval", "Reject deployment", "Reject",
        $"Reject deploying *{SlackParts.Esc(view.PatchId)}* for {SlackParts.Esc(view.IncidentNumber)}?", "Why reject this deployment?");

    public static JsonObject Keep(AlertCardView view) => Render(
        CardVerbs.AlertKeep, CardData.Alert(view), "Alert", "Keep deployment", "Keep",
        $"Keep *{SlackParts.Esc(view.PatchId)}* on *{SlackParts.Esc(view.System)}* despite alert {SlackParts.Esc(view.AlertId)} ({SlackParts.Esc(view.Name)})?",
        "Why keep the deployment despite this alert?");

    private static JsonObject Render(string verb, IReadOnlyDictionary<string, string> data, string what, string title, string submit, string question, string label)
    {
        var metadata = JsonSerializer.Serialize(data, BlockKitJsonContext.Default.IReadOnlyDictionaryStringString);
        if (metadata.Length > SlackLimits.PrivateMetadata)
        {
            throw new ArgumentException($"{what} ids are too long for a Slack modal's private_metadata ({metadata.Length} characters).", nameof(data));
        }

        return SlackFit.Modal(new ModalView
        {
            CallbackId = verb,
            Title = TextObject.FromPlainText(title),
            Submit = TextObject.FromPlainText(submit),
            Close = TextObject.FromPlainText("Cancel"),
            PrivateMetadata = metadata,
            Blocks =
            [
                SlackParts.Section(question),
                new InputBlock
                {
                    BlockId = CardDataKeys.Reason,
                    Label = TextObject.FromPlainText(label),
                    Element = new PlainTextInputElement { ActionId = CardDataKeys.Reason, Multiline = true, MaxLength = 500 },
                },
            ],
        });
    }
}
