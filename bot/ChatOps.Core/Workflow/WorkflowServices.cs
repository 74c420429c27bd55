using ChatOps.Core.Decisions;
using ChatOps.Core.Dialogs;
using ChatOps.Core.Playbooks;
using ChatOps.Core.Policy;
using ChatOps.Core.Storage;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Workflow;

/// <summary>What every command handler may use; one instance per application.</summary>
public sealed class WorkflowServices(
    IIncidentStore store,
    IIncidentDirectory directory,
    IDialogStore dialogs,
    TimeProvider time,
    IOptions<PolicyOptions> policy,
    Playbook playbook,
    IEnumerable<IConversationProvisioner> provisioners,
    IncidentRunner runner,
    Policy.DeploymentPolicy deployment,
    Authority.AuthorityMatrix authority,
    AuditCheckpoints? checkpoints = null)
{
    public IIncidentStore Store { get; } = store;

    public IIncidentDirectory Directory { get; } = directory;

    /// <summary>Who each notice went to, as this process expanded it (so <c>status</c> need not read the delivery rows).</summary>
    public Notifications.NoticeRecipients NoticeRecipients { get; } = new();

    /// <summary>The directory as commands use it: conversation → incident remembered in this process.</summary>
    public ConversationIncidents Bindings { get; } = new(directory);

    public IDialogStore Dialogs { get; } = dialogs;

    public TimeProvider Time { get; } = time;

    public PolicyOptions Policy { get; } = policy.Value;

    public Playbook Playbook { get; } = playbook;

    public IReadOnlyList<IConversationProvisioner> Provisioners { get; } = provisioners.ToList();

    /// <summary>Who may do what: the one table every command and card action asks (docs/AUTHORITY.md).</summary>
    public Authority.AuthorityMatrix Authority { get; } = authority;

    public Policy.DeploymentPolicy Deployment { get; } = deployment;

    public IncidentRunner Runner { get; } = runner;

    /// <summary>Keyed checkpoints of each incident's log; null where no <c>Audit:Key</c> and store were set up (unit tests).</summary>
    public AuditCheckpoints? Checkpoints { get; } = checkpoints;
}
