using ChatOps.Core.Workflow;

namespace ChatOps.Core.Dialogs;

/// <summary>What one answer did: events to record, what to say, and the next step (null when the dialog ends).</summary>
public sealed record DialogTurn(IReadOnlyList<PendingEvent> Events, string Say, int? NextStep, IReadOnlyDictionary<string, string>? Data = null)
{
    /// <summary>The answer could not be used: say why and ask the same question again.</summary>
    public static DialogTurn Retry(string problem, int step) => new([], problem, step) { IsRetry = true };

    /// <summary>True when the answer was refused (<see cref="Say"/> says why).</summary>
    public bool IsRetry { get; init; }
}
