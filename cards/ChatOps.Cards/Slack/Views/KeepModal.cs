using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Cards.Slack.Model;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Slack.Views;

/// <summary>
/// The modal an alert card's Keep button opens, shaped like the reject modal: callback_id <c>alert.keep</c>, the alert's data
/// in <c>private_metadata</c> (same keys as the button value) and the reason in <c>view.state.values["reason"]["reason"].value</c>.
/// </summary>
internal static class KeepModal
{
    public static JsonObject Render(AlertCardView view)
    {
        var metadata = JsonSerializer.Serialize(CardData.Alert(view), BlockKitJsonContext.Default.IReadOnlyDictionaryStringString);
        if (metadata.Length > SlackLimits.PrivateMetadata)
        {
            throw new ArgumentException($"Alert ids are too long for a Slack modal's private_metadata ({metadata.Length} characters).", nameof(view));
        }

        return SlackFit.Modal(new ModalView
        {
            CallbackId = CardVerbs.AlertKeep,
            Title = TextObject.FromPlainText("Keep deployment"),
            Submit = TextObject.FromPlainText("Keep"),
            Close = TextObject.FromPlainText("Cancel"),
            PrivateMetadata = metadata,
            Blocks =
            [
                SlackParts.Section($"Keep *{SlackParts.Esc(view.PatchId)}* on *{SlackParts.Esc(view.System)}* despite alert {SlackParts.Esc(view.AlertId)} ({SlackParts.Esc(view.Name)})?"),
                new InputBlock
                {
                    BlockId = CardDataKeys.Reason,
                    Label = TextObject.FromPlainText("Why keep the deployment despite this alert?"),
                    Element = new PlainTextInputElement { ActionId = CardDataKeys.Reason, Multiline = true, MaxLength = 500 },
                },
            ],
        });
    }
}
