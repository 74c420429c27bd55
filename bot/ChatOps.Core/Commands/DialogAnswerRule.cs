using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Dialogs;
using ChatOps.Core.Views;

namespace ChatOps.Core.Commands;

/// <summary>
/// How typed text is routed while a guided dialog waits in a conversation, identical on Teams and Slack. It depends on
/// what the waiting question asks for (<see cref="IPhaseDialog.TakesFreeText"/>):
/// <list type="bullet">
/// <item>A free-text question (Assess impact and data exposure, every Review question): everything typed is the
/// answer, even text that reads as a command — "notify users earlier next time" is a lesson, not a notification.</item>
/// <item>A structured question (a checklist's yes/no/skip, Assess's lists of systems and vulnerabilities): a valid
/// command runs as the command and the question keeps waiting (the reply reminds of it); text that starts with no
/// command word is the answer; a malformed command gets its usage, as always.</item>
/// <item>Always: <c>cancel</c> and <c>help</c> on their own are never answers, and text starting with <c>!</c> is a
/// command (<c>!status</c>), whatever the question. Without a dialog, <c>!status</c> and <c>status</c> are the same.</item>
/// </list>
/// An answer that would also have been a valid command gets a private hint saying how to run it as one.
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
    public static bool IsReserved(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Reserved.Contains(text.Trim().TrimEnd('.', '!'), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Whether text (not reserved, not <c>!</c>-prefixed) is the answer to the waiting question.</summary>
    public static bool IsAnswer(ParseResult parsed, bool freeText)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return freeText || parsed.UnknownVerb;
    }

    /// <summary>A command run while a dialog waits gets a reminder, unless it started, answered or left a dialog itself.</summary>
    public static bool NeedsReminder(CommandResult result, string commandName)
    {
        ArgumentNullException.ThrowIfNull(result);
        return commandName is not ("cancel" or "help") && !result.Replies.Any(r => r.View is DialogQuestionView);
    }

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
        var reminder = new Reply(new TextView($"The {Readable(waiting.Kind)} dialog is still waiting for an answer here: answer its question, or cancel to leave it."), ReplyMode.Private);
        return new CommandResult([.. result.Replies, reminder]);
    }

    /// <summary>A dialog as people know it ("contain checklist"), never its internal kind ("checklist:contain").</summary>
    private static string Readable(string kind) =>
        kind.StartsWith("checklist:", StringComparison.Ordinal) ? $"{kind["checklist:".Length..]} checklist" : kind;
}
