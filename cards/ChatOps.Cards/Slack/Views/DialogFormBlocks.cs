using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Cards.Slack.Model;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Slack.Views;

/// <summary>
/// A phase dialog on Slack: the question message with an "Open form" button (<see cref="CardVerbs.DialogForm"/>), and the
/// modal it opens: callback_id <see cref="CardVerbs.DialogSubmit"/>, incident and dialog in <c>private_metadata</c>, one
/// input block per field with block_id = action_id = the field id (so <c>response_action: errors</c> can name it).
/// </summary>
internal static class DialogFormBlocks
{
    // Slack: option text max 75 characters, a plain_text_input value max 3000.
    private const int OptionText = 75;
    private const int InputMax = 3000;
    private const int OptionValue = 150;

    public static BlockKitMessage Render(DialogQuestionView view) => SlackFit.Message(view,
    [
        SlackParts.UserSection(view.Text),
        new ActionsBlock { Elements = [SlackParts.Button("Open form", CardVerbs.DialogForm, CardData.Dialog(view.IncidentId, view.Dialog))] },
    ]);

    public static JsonObject RenderModal(DialogFormView view)
    {
        var metadata = JsonSerializer.Serialize(CardData.Dialog(view.IncidentId, view.Dialog), BlockKitJsonContext.Default.IReadOnlyDictionaryStringString);
        if (metadata.Length > SlackLimits.PrivateMetadata)
        {
            throw new ArgumentException($"Incident and dialog ids are too long for a Slack modal's private_metadata ({metadata.Length} characters).", nameof(view));
        }

        var blocks = new List<Block> { SlackParts.Context(SlackParts.Esc(view.IncidentNumber)), SlackParts.UserSection(view.Intro) };
        if (view.HasErrors)
        {
            blocks.Add(SlackParts.Section(":warning: Nothing was recorded: please correct the fields marked below."));
        }

        // Leave room for the "… and N more" context block.
        var room = SlackLimits.ModalBlocks - blocks.Count - 1;
        blocks.AddRange(view.Fields.Take(room).Select(Input));
        if (SlackParts.More(view.Fields.Count, Math.Min(room, view.Fields.Count), "fields (submit, then open the form again)") is { } more)
        {
            blocks.Add(more);
        }

        return SlackFit.Modal(new ModalView
        {
            CallbackId = CardVerbs.DialogSubmit,
            Title = SlackText.Plain(view.Title, SlackLimits.ModalTitle),
            Submit = TextObject.FromPlainText("Submit"),
            Close = TextObject.FromPlainText("Cancel"),
            PrivateMetadata = metadata,
            Blocks = blocks,
        });
    }

    private static InputBlock Input(FormField field)
    {
        BlockElement element = field.Kind switch
        {
            FormFieldKind.Toggle => Checkbox(field),
            FormFieldKind.Choice when Choices(field).Count > 0 => Select(field),
            _ => new PlainTextInputElement
            {
                ActionId = field.Id,
                Multiline = field.Kind == FormFieldKind.MultilineText ? true : null,
                MaxLength = InputMax,
                InitialValue = string.IsNullOrEmpty(field.Value) ? null : Text.CardText.Truncate(field.Value, InputMax),
            },
        };
        var hint = field.Error is not null ? "⚠ " + field.Error : field.Hint;
        return new InputBlock
        {
            BlockId = field.Id,
            Label = SlackText.Plain(field.Label, SlackLimits.InputLabel),
            Element = element,
            Hint = hint is null ? null : SlackText.Plain(hint, SlackLimits.InputLabel),
            Optional = true,
        };
    }

    private static CheckboxesElement Checkbox(FormField field)
    {
        var done = new OptionObject(SlackText.Plain("Done", OptionText), "true");
        return new CheckboxesElement { ActionId = field.Id, Options = [done], InitialOptions = field.Value == "true" ? [done] : null };
    }

    // An option value over Slack's 150 characters could not come back intact: such a choice is left out (with no
    // choice left the field is a text input).
    private static List<string> Choices(FormField field) => (field.Choices ?? []).Where(c => c.Length is > 0 and <= OptionValue).ToList();

    private static StaticSelectElement Select(FormField field)
    {
        var options = Choices(field).Select(c => new OptionObject(SlackText.Plain(c, OptionText), c)).ToList();
        return new StaticSelectElement
        {
            ActionId = field.Id,
            Options = options,
            InitialOption = options.FirstOrDefault(o => o.Value == field.Value),
            Placeholder = SlackText.Plain("Choose", OptionText),
        };
    }
}
