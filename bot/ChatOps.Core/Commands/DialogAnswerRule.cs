using ChatOps.Core.Dialogs;
using ChatOps.Core.Views;

namespace ChatOps.Core.Commands;

/// <summary>
/// How typed text is routed while a guided dialog waits in a conversation, identical on Teams and Slack:
/// <list type="bullet">
/// <item>Text addressed to the bot is the answer to the waiting question, even when it also reads as a command
/// (the answer "test coverage was poor" is an answer, not a broken <c>test</c> command).</item>
/// <item><c>cancel</c> and <c>help</c> on their own are never answers: they leave the dialog and show help.</item>
/// <item>To run any other command while a dialog waits, start it with <c>!</c> (<c>!status</c>); the dialog keeps
/// waiting and the reply reminds of it.</item>
/// <item>With no dialog waiting, <c>!</c> is optional: <c>!status</c> and <c>status</c> are the same.</item>
/// </list>
/// An answer that would also have been a valid command gets a hint saying how to run it as one.
/// </summary>
public static class DialogAnswerRule
{
    public const char CommandPrefix = '!';

    private static readonly string[] Reserved = ["cancel", "help"];

    /// <summary>The text without the <c>!</c> prefix, and whether it had one.</summary>
    public static (string Text, bool Forced) Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        return trimmed.StartsWith(CommandPrefix) ? (trimmed[1..].TrimStart(), true) : (trimmed, false);
    }

    /// <summary>True for the words that always act as commands, never as answers.</summary>
    public static bool IsReserved(string text) => Reserved.Contains(text.Trim().TrimEnd('.', '!'), StringComparer.OrdinalIgnoreCase);

    public static CommandResult WithHint(CommandResult answered, string text)
    {
        ArgumentNullException.ThrowIfNull(answered);
        var hint = new Reply(new TextView($"(Taken as the answer to the question. To run it as a command while the dialog waits, type: {CommandPrefix}{text})"), ReplyMode.Private);
        return new CommandResult([.. answered.Replies, hint]);
    }

    public static CommandResult WithReminder(CommandResult result, DialogState waiting)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(waiting);
        var reminder = new Reply(new TextView($"The {waiting.Kind} dialog is still waiting for an answer here: reply to its question, or cancel to leave it."), ReplyMode.Private);
        return new CommandResult([.. result.Replies, reminder]);
    }
}
