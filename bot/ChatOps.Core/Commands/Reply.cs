using ChatOps.Core.Views;

namespace ChatOps.Core.Commands;

/// <summary>
/// One message the bot answers with: a view and how to deliver it, and optionally a file to attach where the channel
/// can (Slack uploads it; Teams keeps the link in the view only).
/// </summary>
public sealed record Reply(View View, ReplyMode Mode = ReplyMode.Post, FileAttachment? File = null);
