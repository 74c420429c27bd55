namespace ChatOps.Core.Incidents;

/// <summary>What the Review dialog gathers: answers to its questions and the action items.</summary>
public sealed partial class Incident
{
    public List<ReviewAnswer> ReviewAnswers { get; init; } = [];

    public List<ActionItem> ActionItems { get; init; } = [];

    /// <summary>The newest answer to a review question, or null.</summary>
    public ReviewAnswer? ReviewAnswerTo(string question) =>
        ReviewAnswers.LastOrDefault(a => string.Equals(a.Question, question, StringComparison.Ordinal));
}
