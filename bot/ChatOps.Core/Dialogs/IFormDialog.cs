using ChatOps.Core.Incidents;
using ChatOps.Core.Views;
using ChatOps.Core.Workflow;

namespace ChatOps.Core.Dialogs;

/// <summary>
/// A phase dialog that can also be filled in as one form (Teams card, Slack modal). <see cref="Submit"/> reuses the
/// dialog's own answer rules (<see cref="IPhaseDialog.Answer"/>), so chat and form accept and refuse the same things.
/// </summary>
public interface IFormDialog : IPhaseDialog
{
    /// <summary>Short title (at most 24 characters: Slack's modal title limit).</summary>
    string FormTitle { get; }

    /// <summary>The form as it should be shown for the incident's current state.</summary>
    DialogFormView Form(Incident incident);

    /// <summary>Validates submitted values; events to record when all are valid, else an error per field id.</summary>
    FormOutcome Submit(Incident incident, IReadOnlyDictionary<string, string> values, Func<string, Participant> person);
}

/// <summary>What a form submission did: events to record and what to say, or the errors per field id (then nothing is recorded).</summary>
public sealed record FormOutcome(IReadOnlyList<PendingEvent> Events, string Say, IReadOnlyDictionary<string, string> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public static FormOutcome Invalid(IReadOnlyDictionary<string, string> errors) => new([], string.Empty, errors);

    public static FormOutcome Valid(IReadOnlyList<PendingEvent> events, string say) => new(events, say, new Dictionary<string, string>());
}
