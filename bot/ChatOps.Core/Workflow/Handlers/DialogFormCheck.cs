using ChatOps.Core.Commands;
using ChatOps.Core.Storage;
using ChatOps.Core.Views;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary>
/// Checks a dialog form submission without recording anything, for channels that must answer a submission with its
/// field errors at once (Slack <c>response_action: errors</c>). The recording itself runs later through the dispatcher,
/// which checks again with the same rules.
/// </summary>
public sealed class DialogFormCheck(WorkflowServices services, DialogHandler dialogs)
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>Errors per field id; empty when the submission is valid or cannot be checked here (it is then reported in the conversation).</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Action is not { Verb: CardVerbs.DialogSubmit } action)
        {
            return None;
        }

        try
        {
            return await dialogs.CheckFormAsync(new CommandContext(command, services, cancellationToken), action);
        }
        catch (StorageUnavailableException)
        {
            return None;
        }
    }
}
