using ChatOps.Core.Conversations;

namespace ChatOps.Core.Workflow;

/// <summary>A conversation created for one incident.</summary>
/// <param name="Conversation">The new conversation; the incident is bound to it.</param>
/// <param name="DisplayName">Its name as people see it, when the platform reports one.</param>
/// <param name="WebUrl">A link that opens it, posted in the conversation where the incident was declared.</param>
/// <param name="Note">Something that went partly wrong (a member who could not be added), told to the declarer.</param>
public sealed record IncidentChannel(ConversationKey Conversation, string? DisplayName = null, string? WebUrl = null, string? Note = null);
