namespace ChatOps.Core.Views;

/// <summary>How a form field is entered.</summary>
public enum FormFieldKind
{
    /// <summary>One line of text.</summary>
    Text,

    /// <summary>Several lines of text (lists are one entry per line).</summary>
    MultilineText,

    /// <summary>One of <see cref="FormField.Choices"/>.</summary>
    Choice,

    /// <summary>A checkbox: the value is "true" when ticked, anything else (or "false") when not.</summary>
    Toggle,
}

/// <summary>
/// One input of a phase dialog form. <paramref name="Id"/> names the value in the submission (Teams input id; Slack
/// block_id and action_id) and the error that goes with it.
/// </summary>
public sealed record FormField(
    string Id,
    string Label,
    FormFieldKind Kind,
    string? Value = null,
    IReadOnlyList<string>? Choices = null,
    string? Hint = null,
    string? Error = null);

/// <summary>
/// A phase dialog as one form (Teams: an Adaptive Card with inputs and an Action.Execute submit; Slack: a modal whose
/// submission comes back as <see cref="CardVerbs.DialogSubmit"/>). Submitting runs the same validation as the
/// question-at-a-time dialog; when a field is wrong the form comes back with <see cref="FormField.Error"/> set.
/// </summary>
/// <param name="IncidentId">Incident the form belongs to (carried in the submit data).</param>
/// <param name="IncidentNumber">Shown in the title.</param>
/// <param name="Dialog">The dialog kind (<c>assess</c>, <c>checklist:contain</c>, <c>review</c>…), carried in the submit data.</param>
/// <param name="Title">Short title (Slack modal titles are at most 24 characters).</param>
/// <param name="Intro">One line above the fields.</param>
/// <param name="Fields">The inputs, in order.</param>
public sealed record DialogFormView(
    string IncidentId,
    string IncidentNumber,
    string Dialog,
    string Title,
    string Intro,
    IReadOnlyList<FormField> Fields) : View
{
    public bool HasErrors => Fields.Any(f => f.Error is not null);

    public override string FallbackText => HasErrors
        ? $"{IncidentNumber} {Title}: please correct " + string.Join("; ", Fields.Where(f => f.Error is not null).Select(f => $"{f.Label}: {f.Error}"))
        : $"{IncidentNumber} {Title}";
}

/// <summary>A question of a guided dialog, with a button that opens the same dialog as a form (<see cref="CardVerbs.DialogForm"/>).</summary>
public sealed record DialogQuestionView(string IncidentId, string Dialog, string Text) : View
{
    public override string FallbackText => Text;
}
