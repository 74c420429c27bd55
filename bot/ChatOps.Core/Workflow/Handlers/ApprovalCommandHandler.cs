using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary>
/// Typed <c>approve A1</c> and <c>reject A1 "why"</c>, for clients that show no per-user card (no refresh, so no
/// buttons): the button's own code path, so the rules and the records are the same.
/// </summary>
public sealed class ApprovalCommandHandler : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = CommandCatalog.Names("approve", "reject");

    public Task<CommandResult> HandleAsync(CommandContext context, ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var approve = command.Name == "approve";
        return ApprovalActions.DecideAsync(context, command.Required("approval-id"), shownRevision: null, approve, command["reason"], ReplyMode.Post);
    }
}
