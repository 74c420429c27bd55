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
public sealed record SlackWorkItem(
    string Kind,
    Command Command,
    SlackReplyTarget Target,
    SlackDeliveryKey? DeliveryKey,
    bool IsDirectMessage = false,
    [property: JsonIgnore] IntakeReceipt? Receipt = null);
