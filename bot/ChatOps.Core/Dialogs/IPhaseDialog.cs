using ChatOps.Core.Incidents;

namespace ChatOps.Core.Dialogs;

/// <summary>A guided dialog: one question at a time, each answer recorded as it comes.</summary>
public interface IPhaseDialog
{
    /// <summary>Stored in <see cref="DialogState.Kind"/>.</summary>
    string Kind { get; }

    /// <summary>The first step to ask (may skip steps already answered), or null when there is nothing to ask.</summary>
    int? FirstStep(Incident incident, IReadOnlyDictionary<string, string> data);

    string Question(Incident incident, int step, IReadOnlyDictionary<string, string> data);

    /// <summary>
    /// True when the question at <paramref name="step"/> takes free text (impact, review answers): then everything typed
    /// is the answer, and only <c>!command</c>, <c>cancel</c> and <c>help</c> act as commands (see DialogAnswerRule).
    /// </summary>
    bool TakesFreeText(int step);

    DialogTurn Answer(Incident incident, int step, string answer, IReadOnlyDictionary<string, string> data, Func<string, Participant> person);
}
