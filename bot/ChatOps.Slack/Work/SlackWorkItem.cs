using System.Text.Json.Serialization;
using ChatOps.Core.Commands;
using ChatOps.Core.Storage;

namespace ChatOps.Slack.Work;

/// <summary>An acknowledged request waiting for the worker: the Core command and where its replies go.</summary>
/// <param name="Kind">Wire kind for logs (<c>slash_command</c>, <c>block_actions</c>, <c>app_mention</c>…).</param>
/// <param name="Command">The channel-neutral command.</param>
/// <param name="Target">Reply routing.</param>
/// <param name="DeliveryKey">Idempotency key, when the delivery can repeat.</param>
/// <param name="IsDirectMessage">True for a 1:1 conversation with the bot (remembered as the user's personal conversation).</param>
/// <param name="Receipt">The durable intake's receipt while the item is held (not part of the stored item).</param>
/// <param name="Part">Its place in a stored message that holds several requests (<see cref="SlackIntake"/>'s group
/// commit); null when the message holds it alone (not part of the stored item).</param>
public sealed record SlackWorkItem(
    string Kind,
    Command Command,
    SlackReplyTarget Target,
    SlackDeliveryKey? DeliveryKey,
    bool IsDirectMessage = false,
    [property: JsonIgnore] IntakeReceipt? Receipt = null,
    [property: JsonIgnore] int? Part = null)
{
    /// <summary>
    /// The stored request's own identity while it is held: its intake message id, with its place when the message holds
    /// several (the same on every take of that message, so a repeat after a crash is found applied); null when not stored.
    /// </summary>
    [JsonIgnore]
    public string? IntakeId => Receipt is { } receipt ? (Part is { } part ? $"{receipt.MessageId}/{part}" : receipt.MessageId) : null;
}
