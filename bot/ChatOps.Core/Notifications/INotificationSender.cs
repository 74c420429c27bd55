using ChatOps.Core.Identity;
using ChatOps.Core.Views;

namespace ChatOps.Core.Notifications;

/// <summary>Sends one view to one recipient on one platform (Teams: proactive 1:1 or channel post; Slack: conversations.open + post).</summary>
public interface INotificationSender
{
    ChannelKind Channel { get; }

    /// <summary>
    /// Throws <see cref="DeliveryException"/> when the recipient could not be reached. <paramref name="origin"/> is the
    /// incident's conversation (Teams needs its service URL to open a 1:1 chat with someone the bot has not met yet).
    /// </summary>
    Task SendAsync(Recipient recipient, View view, Conversations.ConversationKey origin, CancellationToken cancellationToken = default);
}

/// <summary>A delivery failed; <see cref="Permanent"/> when retrying cannot help (unknown user, bot removed).</summary>
public sealed class DeliveryException : Exception
{
    public DeliveryException()
    {
    }

    public DeliveryException(string message)
        : base(message)
    {
    }

    public DeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DeliveryException(string message, bool permanent, Exception? innerException = null)
        : base(message, innerException) => Permanent = permanent;

    public bool Permanent { get; }

    /// <summary>How long the platform asked us to wait (its <c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
