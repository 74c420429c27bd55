using System.Text.Json.Nodes;
using ChatOps.Cards.Teams.Model;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Teams.Views;

/// <summary>
/// A phase dialog as a card form: Input.Text / Input.ChoiceSet / Input.Toggle with the field ids, and one Action.Execute
/// (<see cref="CardVerbs.DialogSubmit"/>) whose data names the incident and the dialog; Teams merges the input values in.
/// A field the server refused shows its error in red under the input (errorMessage only shows for client-side checks).
/// Fields that do not fit the card are left out and said so: a field that is not submitted changes nothing.
/// </summary>
internal static class DialogFormCard
{
    public static JsonObject Render(DialogFormView view) => TeamsFit.Render(view.Fields.Count, n => Build(view, n));

    public static JsonObject Render(DialogQuestionView view) => AdaptiveCardSerializer.ToJsonObject(TeamsParts.Card(view.FallbackText,
        [TeamsParts.Para(view.Text)],
        [TeamsParts.Execute("Open form", CardVerbs.DialogForm, CardData.Dialog(view.IncidentId, view.Dialog))]));

    private static AdaptiveCard Build(DialogFormView view, int take)
    {
        var body = new List<AdaptiveElement?>
        {
            TeamsParts.Subtle(TeamsText.Markdown(view.IncidentNumber, TeamsLimits.Title)),
            TeamsParts.Heading(view.Title),
            TeamsParts.Para(view.Intro),
            view.HasErrors ? TeamsParts.Colored("Nothing was recorded: please correct the fields marked below.", TextColor.Attention) : null,
        };
        foreach (var field in view.Fields.Take(take))
        {
            body.Add(Input(field));
            body.Add(field.Error is null ? null : new TextBlock { Text = "⚠ " + TeamsText.Markdown(field.Error, TeamsLimits.Line), Color = TextColor.Attention, Spacing = Spacing.None });
        }

        body.Add(TeamsParts.More(view.Fields.Count, Math.Min(take, view.Fields.Count), "fields (submit, then open the form again)"));
        return TeamsParts.Card(view.FallbackText, body,
            [TeamsParts.Execute("Submit", CardVerbs.DialogSubmit, CardData.Dialog(view.IncidentId, view.Dialog), ActionStyle.Positive)]);
    }

    private static AdaptiveInput Input(FormField field)
    {
        var label = TeamsText.Plain(field.Label, TeamsLimits.Line);
        return field.Kind switch
        {
            FormFieldKind.Toggle => new InputToggle
            {
                Id = field.Id,
                Title = label,
                Value = field.Value == "true" ? "true" : "false",
                ValueOn = "true",
                ValueOff = "false",
                Wrap = true,
            },
            FormFieldKind.Choice => new InputChoiceSet
            {
                Id = field.Id,
                Label = label,
                Choices = (field.Choices ?? []).Select(c => new Choice(TeamsText.Plain(c, TeamsLimits.Line), c)).ToList(),
                Style = ChoiceInputStyle.Expanded,
                Value = field.Choices?.Contains(field.Value) == true ? field.Value : null,
            },
            _ => new InputText
            {
                Id = field.Id,
                Label = label,
                Placeholder = field.Hint is null ? null : TeamsText.Plain(field.Hint, TeamsLimits.Line),
                IsMultiline = field.Kind == FormFieldKind.MultilineText ? true : null,
                MaxLength = field.Kind == FormFieldKind.MultilineText ? TeamsLimits.Paragraph : TeamsLimits.Line,
                Value = field.Value is null ? null : TeamsText.Plain(field.Value, TeamsLimits.Paragraph, keepNewlines: true),
            },
        };
    }
}
