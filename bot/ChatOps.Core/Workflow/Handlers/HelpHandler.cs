using System.Text;
using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Views;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary><c>help [command]</c>, generated from <see cref="CommandCatalog"/>.</summary>
public sealed class HelpHandler : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = ["help"];

    public Task<CommandResult> HandleAsync(CommandContext context, ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Task.FromResult(CommandResult.Of(new Reply(Render(command["command"]), ReplyMode.Private)));
    }

    public static View Render(string? topic)
    {
        if (topic is null)
        {
            var text = new StringBuilder("ChatOps commands (Teams: @PatchBot <command>; Slack: /patch <command>):");
            foreach (var definition in CommandCatalog.All)
            {
                text.Append("\n• ").Append(definition.Usage).Append(" — ").Append(definition.Summary);
            }

            return new TextView(text.ToString());
        }

        var matches = CommandCatalog.All.Where(d => d.Name.Equals(topic, StringComparison.OrdinalIgnoreCase)
            || d.Words[0].Equals(topic, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0)
        {
            return new ErrorView($"There is no command '{topic}'.", CommandCatalog.Help.Usage);
        }

        var detail = new StringBuilder();
        foreach (var definition in matches)
        {
            detail.Append(detail.Length == 0 ? "" : "\n").Append(definition.Usage).Append("\n  ").Append(definition.Summary);
            if (definition.Details is not null)
            {
                detail.Append("\n  ").Append(definition.Details);
            }
        }

        return new TextView(detail.ToString());
    }
}
