namespace ChatOps.Core.Commands;

/// <summary>How a reply reaches people.</summary>
public enum ReplyMode
{
    /// <summary>Posted in the conversation for everyone.</summary>
    Post,

    /// <summary>Shown only to the actor (Slack ephemeral; on Teams a reply in the same thread).</summary>
    Private,

    /// <summary>Replaces the card the action came from (Teams invoke response, Slack chat.update).</summary>
    UpdateCard,

    /// <summary>Asks the actor for input about the view (Slack: opens a modal, e.g. the reason for a rejection).</summary>
    Form,

    /// <summary>
    /// For the actor's eyes only, now and later (a capability such as a report link): Slack ephemeral with any file in
    /// the actor's direct messages; Teams in the actor's 1:1 chat with the bot, never in a channel thread that members
    /// and later joiners can read.
    /// </summary>
    Requester,
}
