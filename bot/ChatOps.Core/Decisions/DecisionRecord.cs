using ChatOps.Core.Identity;

namespace ChatOps.Core.Decisions;

/// <summary>
/// One entry of an incident's append-only decision log: who did what, when and why. <see cref="Payload"/> is the
/// event's JSON; <see cref="Hash"/> = SHA-256(<see cref="PreviousHash"/> + canonical JSON of this record), so an
/// edited, deleted or reordered record breaks the chain.
/// </summary>
public sealed record DecisionRecord(
    long Sequence,
    string Kind,
    Actor Actor,
    DateTimeOffset At,
    string Payload,
    string? Reason,
    string PreviousHash,
    string Hash);
