using ChatOps.Core.Commands;
using ChatOps.Core.Decisions;
using ChatOps.Core.Dialogs;
using ChatOps.Core.Inbound;
using ChatOps.Core.Incidents;
using ChatOps.Core.Playbooks;
using ChatOps.Core.Policy;
using ChatOps.Core.Reports;
using ChatOps.Core.Workflow;
using ChatOps.Core.Workflow.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOps.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Registers the workflow: dispatcher, handlers, dialogs, policy and the playbook.</summary>
    public static IServiceCollection AddChatOpsCore(this IServiceCollection services)
    {
        services.AddOptions<PolicyOptions>().BindConfiguration(PolicyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PolicyOptions>, PolicyOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var path = sp.GetRequiredService<IOptions<PolicyOptions>>().Value.PlaybookPath;
            return string.IsNullOrEmpty(path) ? PlaybookLoader.LoadDefault() : PlaybookLoader.LoadFile(path);
        });
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>();
        services.TryAddSingleton<AuditCheckpointSigner>();
        services.TryAddSingleton(sp => new AuditCheckpoints(
            sp.GetRequiredService<AuditCheckpointSigner>(), sp.GetService<Storage.IAuditCheckpointStore>(), sp.GetService<Microsoft.Extensions.Logging.ILogger<AuditCheckpoints>>()));
        services.TryAddSingleton(sp => new DeploymentPolicy(sp.GetRequiredService<IOptions<PolicyOptions>>().Value));
        services.TryAddSingleton(sp => new Authority.AuthorityMatrix(sp.GetRequiredService<IOptions<PolicyOptions>>().Value));
        services.TryAddSingleton(sp => new IncidentRunner(
            sp.GetRequiredService<Storage.IIncidentStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetServices<IIncidentReaction>().ToList(),
            sp.GetServices<ICommitListener>().ToList(),
            sp.GetService<AuditCheckpoints>()));
        services.TryAddSingleton<WorkflowServices>();
        services.AddSingleton<IIncidentReaction, ApprovalReaction>();
        services.AddSingleton<ICommitListener, ApprovalCardSync>();
        services.TryAddSingleton<ApprovalExpirySweep>();
        services.TryAddSingleton<Alerts.AlertCards>();
        services.AddSingleton<ICommitListener, Alerts.AlertCardSync>();
        services.TryAddSingleton<Alerts.AlertIntake>();
        services.TryAddSingleton<Alerts.QuietWatchSweep>();
        services.AddOptions<Notifications.NotificationOptions>().BindConfiguration(Notifications.NotificationOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Notifications.NotificationOptions>, Notifications.NotificationOptionsValidator>();
        services.TryAddSingleton(sp => new Notifications.NoticeFactory(sp.GetRequiredService<IOptions<Notifications.NotificationOptions>>().Value));
        services.AddSingleton<IIncidentReaction, Notifications.NotificationReaction>();
        // After the notices, so a notice published by this change counts for the communicate items.
        services.AddSingleton<IIncidentReaction, ChecklistReaction>();
        services.TryAddSingleton<Notifications.AudienceDirectory>();
        services.TryAddSingleton<Notifications.NotificationDispatcher>();
        services.TryAddSingleton<Notifications.CommsReminder>();
        // Report formats and links are the host's (AddReports); without them export fails naming what is missing.
        services.TryAddSingleton<UnconfiguredReports>();
        services.TryAddSingleton<IReportFormatter>(sp => sp.GetRequiredService<UnconfiguredReports>());
        services.TryAddSingleton<IReportLinks>(sp => sp.GetRequiredService<UnconfiguredReports>());

        services.AddSingleton<IPhaseDialog, AssessDialog>();
        services.AddSingleton<IPhaseDialog, ReviewDialog>();
        foreach (var phase in Enum.GetValues<Phase>())
        {
            services.AddSingleton<IPhaseDialog>(new ChecklistDialog(phase));
        }

        services.TryAddSingleton<DialogHandler>();
        services.TryAddSingleton<DialogFormCheck>();
        services.TryAddSingleton<CardActionRouter>();
        services.AddSingleton<ICommandHandler, HelpHandler>();
        services.AddSingleton<ICommandHandler, DeclareHandler>();
        services.AddSingleton<ICommandHandler, IncidentHandler>();
        services.AddSingleton<ICommandHandler, AssessHandler>();
        services.AddSingleton<ICommandHandler, ContainHandler>();
        services.AddSingleton<ICommandHandler, ChecklistHandler>();
        services.AddSingleton<ICommandHandler, PatchHandler>();
        services.TryAddSingleton<Ci.ICiRunReader, Ci.UnconfiguredCiRunReader>();
        services.AddSingleton<ICommandHandler, TestHandler>();
        services.AddSingleton<ICommandHandler, DeployHandler>();
        services.AddSingleton<ICommandHandler, AlertHandler>();
        services.AddSingleton<ICommandHandler, ApprovalCommandHandler>();
        services.AddSingleton<ICommandHandler, NotifyHandler>();
        services.AddSingleton<ICommandHandler, AudienceHandler>();
        services.TryAddSingleton<Gates.GateService>();
        services.AddSingleton<ICommandHandler, LogHandler>();
        services.AddSingleton<ICommandHandler, VerifyHandler>();
        services.AddSingleton<ICommandHandler, ExportHandler>();
        services.AddSingleton<ICommandHandler, ReviewHandler>();
        services.AddInboundPipeline();
        services.TryAddSingleton<CommandDispatcher>();
        services.TryAddSingleton<ICommandDispatcher>(sp => sp.GetRequiredService<CommandDispatcher>());
        return services;
    }
}
