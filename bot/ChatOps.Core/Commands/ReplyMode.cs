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
}
