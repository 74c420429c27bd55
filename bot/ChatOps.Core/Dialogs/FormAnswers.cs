using ChatOps.Core.Workflow;

namespace ChatOps.Core.Dialogs;

/// <summary>Collects a form's fields as answers to the dialog's chat steps: a refused answer becomes that field's error.</summary>
internal sealed class FormAnswers
{
    public static readonly IReadOnlyDictionary<string, string> NoData = new Dictionary<string, string>();

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public List<PendingEvent> Events { get; } = [];

    public void Add(string field, DialogTurn turn)
    {
        if (turn.IsRetry)
        {
            Errors[field] = turn.Say;
        }
        else
        {
            Events.AddRange(turn.Events);
        }
    }
}
