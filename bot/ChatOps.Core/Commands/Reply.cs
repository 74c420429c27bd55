using ChatOps.Core.Views;

namespace ChatOps.Core.Commands;

/// <summary>One message the bot answers with: a view and how to deliver it.</summary>
public sealed record Reply(View View, ReplyMode Mode = ReplyMode.Post);
