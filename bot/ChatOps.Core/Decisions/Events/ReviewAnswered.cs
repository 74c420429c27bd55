using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>A question of the post-incident review was answered (see <see cref="Dialogs.ReviewDialog"/> for the questions).</summary>
public sealed record ReviewAnswered(string Question, string Answer) : IncidentEvent
{
    public const string EventKind = "review.answered";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(record);
        incident.ReviewAnswers.Add(new ReviewAnswer(Question, Answer, Participant.From(record.Actor), record.At));
    }

    public override string Describe() => $"Review, {Question}: {Answer}";
}
