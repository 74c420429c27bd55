namespace ChatOps.Core.Storage;

/// <summary>
/// A notification to deliver after the change that caused it is stored; written in the same transaction,
/// delivered later by the dispatcher. <see cref="Payload"/> is JSON owned by the notification feature.
/// </summary>
public sealed record OutboxMessage(string Id, string Kind, string Payload);
