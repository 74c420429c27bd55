namespace ChatOps.Core.Storage;

/// <summary>
/// Durable hand-over of acknowledged work (a Slack request the bot has answered 200 or acked): stored before the
/// acknowledgement, taken by any instance under a visibility timeout, deleted once applied. A message that is not
/// deleted (the process died) becomes visible again and is taken once more, so the work is applied at least once;
/// its delivery key makes the incident change exactly-once (<see cref="IncidentCommit.DeliveryKey"/>).
/// </summary>
public interface IIntakeQueue
{
    /// <summary>Stores <paramref name="body"/>, hidden for <paramref name="hiddenFor"/> (the adding instance works on it meanwhile).</summary>
    Task<IntakeReceipt> AddAsync(string body, TimeSpan hiddenFor, CancellationToken cancellationToken = default);

    /// <summary>Takes up to <paramref name="max"/> visible messages and hides them for <paramref name="hiddenFor"/>.</summary>
    Task<IReadOnlyList<IntakeMessage>> TakeAsync(int max, TimeSpan hiddenFor, CancellationToken cancellationToken = default);

    /// <summary>Makes a held message visible again at once (this instance has no room for it; another may take it).</summary>
    Task ReleaseAsync(IntakeReceipt receipt, CancellationToken cancellationToken = default);

    /// <summary>Deletes an applied message; false when the receipt is stale (the message was taken again meanwhile) or it is gone.</summary>
    Task<bool> DeleteAsync(IntakeReceipt receipt, CancellationToken cancellationToken = default);
}

/// <summary>A stored message's id (stable across takes) and the receipt of its latest take (needed to delete it).</summary>
public sealed record IntakeReceipt(string MessageId, string PopReceipt);

/// <summary>A message taken from the intake queue; <paramref name="DequeueCount"/> counts takes, the first one included.</summary>
public sealed record IntakeMessage(IntakeReceipt Receipt, string Body, long DequeueCount);
