namespace ChatOps.Core.Commands.Grammar;

/// <summary>
/// Every command ChatOps understands, identical on Teams (<c>@PatchBot …</c>) and Slack (<c>/patch …</c>).
/// Help, error messages and the Teams manifest's command list all come from here.
/// </summary>
public static class CommandCatalog
{
    public static readonly string[] Phases = ["assess", "contain", "test", "implement", "communicate", "document", "review"];
    public static readonly string[] Severities = ["sev1", "sev2", "sev3", "sev4"];
    public static readonly string[] Roles = ["commander", "approver", "comms", "scribe"];
    public static readonly string[] Audiences = ["it", "management", "users"];
    public static readonly string[] NotifyAudiences = [.. Audiences, "all"];

    /// <summary>How a guided dialog takes answers and offers its form; shown by help for every command that starts one.</summary>
    public const string DialogRules =
        "Asks one question at a time. A free-text question (impact, data exposure, review) takes whatever you type next as its answer; run a command meanwhile by starting it with ! (e.g. !status). " +
        "A yes/no or list question lets commands run as usual and keeps waiting. cancel leaves the dialog; help shows help. " +
        "Every question has an Open form button: the whole dialog as one form (a card form on Teams, a modal on Slack), checked by the same rules; a wrong field is shown with its error and nothing is recorded until the form is right.";

    public static readonly CommandDefinition Help = new CommandDefinition("help", "Show the commands, or one command in detail", false)
        .Arg("command", ArgKind.Text, required: false);

    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        Help,
        new CommandDefinition("declare", "Declare an incident in this channel", true)
            .Arg("title", ArgKind.Text)
            .Flag("sev", ArgKind.Choice, choices: Severities)
            .Flag("systems", ArgKind.List)
            .Flag("cve", ArgKind.Cve, placeholder: "CVE-…")
            .Flag("channel", ArgKind.Switch)
            .Flag("members", ArgKind.List, placeholder: "@a,@b")
            .Explain("Binds the incident to this conversation (one active incident per channel). --channel creates a dedicated channel and binds the incident there: on Slack inc-NUMBER-SLUG, on Teams a channel of this team named after the incident (private ones get the declarer and the people named with --members @a,@b). If the channel cannot be created, the incident is declared here and the reply says why."),
        new CommandDefinition("status", "Show the incident: phase, open items, roles, acknowledgements", false),
        new CommandDefinition("phase", "Show the current phase, or move to another phase", true)
            .Arg("phase", ArgKind.Choice, required: false, choices: Phases)
            .Flag("skip", ArgKind.Text, placeholder: "why")
            .Explain("The current phase is the one entered last. Entering a later phase while an earlier one has open items is refused with the list; " +
                "phase PHASE --skip \"WHY\" enters it anyway, records why, and shows the phases left open as skipped. Going back is always allowed."),
        new CommandDefinition("assess", "Start the Assess dialog (systems, vulnerabilities, impact)", true)
            .Explain(DialogRules),
        new CommandDefinition("system add", "Add an affected system", true)
            .Arg("name", ArgKind.Word)
            .Flag("owner", ArgKind.User)
            .Flag("criticality", ArgKind.Choice, choices: ["high", "medium", "low"]),
        new CommandDefinition("vuln add", "Add a vulnerability, with its CVSS v3.1 vector", true)
            .Arg("cve", ArgKind.Cve, placeholder: "CVE-id")
            .Flag("cvss", ArgKind.Cvss, placeholder: "CVSS:3.1/…")
            .Flag("exploited", ArgKind.Choice, choices: ["yes", "no"]),
        new CommandDefinition("contain", "Start the Contain dialog and show the containment ledger", true)
            .Explain(DialogRules),
        new CommandDefinition("contain add", "Record a containment action and how to reverse it", true)
            .Arg("action", ArgKind.Text)
            .Flag("undo", ArgKind.Text, required: true, placeholder: "how to reverse")
            .Flag("owner", ArgKind.User),
        new CommandDefinition("contain done", "Mark a containment action as done", true).Arg("item", ArgKind.Word),
        new CommandDefinition("contain undo", "Record that a containment action was reversed", true).Arg("item", ArgKind.Word),
        new CommandDefinition("contain keep", "Keep a containment action in place after close, with a reason", true)
            .Arg("item", ArgKind.Word)
            .Flag("reason", ArgKind.Text, required: true, placeholder: "why"),
        new CommandDefinition("check", "Tick a checklist item of the current phase", true).Arg("item", ArgKind.Word),
        new CommandDefinition("uncheck", "Untick a checklist item of the current phase", true).Arg("item", ArgKind.Word),
        new CommandDefinition("patch add", "Record a patch and the systems it applies to", true)
            .Arg("patch-id", ArgKind.Word)
            .Arg("description", ArgKind.Text)
            .Flag("systems", ArgKind.List, required: true)
            .Flag("rollback", ArgKind.Text, placeholder: "plan")
            .Flag("artifact", ArgKind.Word, placeholder: "sha256:digest")
            .Explain("--artifact sha256:HEX (64 hex digits) binds approvals of the patch to that artifact; the pipeline gate refuses to deploy anything else."),
        new CommandDefinition("test", "Record a staging test result for a patch: read from a CI run (--run), or typed with an evidence link", true)
            .Arg("patch-id", ArgKind.Word)
            .Arg("result", ArgKind.Choice, required: false, choices: ["pass", "fail", "waive"])
            .Arg("note", ArgKind.Text, required: false)
            .Flag("run", ArgKind.Url, placeholder: "ci-run-url")
            .Flag("env", ArgKind.Word, placeholder: "name")
            .Flag("evidence", ArgKind.Url, placeholder: "url")
            .Flag("reason", ArgKind.Text, placeholder: "why")
            .RequireOneOf("result", "run")
            .Explain("test PATCH-ID --run URL reads a GitHub Actions run or Azure Pipelines build on a configured CI host (Ci:Hosts) and records pass or fail from its conclusion, " +
                "with its head commit and artifacts; a patch with --artifact passes only when one of the run's artifacts has that digest. " +
                "test PATCH-ID pass|fail --evidence URL records a typed claim. " +
                "test PATCH-ID waive --reason \"WHY\" records that testing is impossible; a waiver needs a rollback plan on the patch before a deployment can be requested."),
        new CommandDefinition("deploy request", "Ask for approval to deploy a patch", true)
            .Arg("patch-id", ArgKind.Word)
            .Flag("window", ArgKind.Window, placeholder: "START/DURATION")
            .Flag("emergency", ArgKind.Text, placeholder: "justification")
            .Flag("ack", ArgKind.Text, placeholder: "why")
            .Explain("The window is START/DURATION: a start relative to now (+15m, +2h, +1d) or an ISO 8601 time with a zone, and an ISO 8601 duration, e.g. --window +15m/PT2H. " +
                "A window inside a configured maintenance window (Policy:MaintenanceWindows) is a maintenance window; any other window, and every window when none is configured, is a requested window: " +
                "it needs --emergency \"JUSTIFICATION\" and one more approval."),
        new CommandDefinition("deploy start", "Start an approved deployment", true).Arg("patch-id", ArgKind.Word),
        new CommandDefinition("deploy verify", "Record the result on one system after deployment", true)
            .Arg("patch-id", ArgKind.Word)
            .Arg("system", ArgKind.Word)
            .Arg("result", ArgKind.Choice, choices: ["ok", "failed"]),
        new CommandDefinition("deploy rollback", "Roll a deployment back", true)
            .Arg("patch-id", ArgKind.Word)
            .Flag("reason", ArgKind.Text, required: true, placeholder: "why"),
        new CommandDefinition("alert keep", "Keep a deployment despite a monitoring alert, with the reason (commander)", true)
            .Arg("alert-id", ArgKind.Word)
            .Flag("reason", ArgKind.Text, required: true, placeholder: "why")
            .Explain("An alert on a system in the watch after its deployment (Policy:WatchFor) holds deploy verify … ok for that system until it resolves, is kept, or is answered with a roll back. The alert card's Keep button does the same."),
        new CommandDefinition("alert rollback", "Roll back the patch a monitoring alert fired after (as deploy rollback)", true)
            .Arg("alert-id", ArgKind.Word)
            .Flag("reason", ArgKind.Text, placeholder: "why")
            .Explain("Rolls back every deployed system of the alert's patch, as deploy rollback does, and answers the alerts still firing on it. Without --reason the alert is the reason. The alert card's Roll back button does the same."),
        new CommandDefinition("notify", "Send a status update to one audience, or to all (comms or commander)", true)
            .Arg("audience", ArgKind.Choice, choices: NotifyAudiences)
            .Arg("message", ArgKind.Text)
            .Explain("The audience comes first and is never guessed: it, management, users, or all for every audience. " +
                "The update goes to the incident's members of the audience (audience add AUDIENCE @user), its open subscribers and its configured recipients; " +
                "an update that reaches nobody says so."),
        new CommandDefinition("audience add", "Add someone to an audience of this incident (comms or commander)", true)
            .Arg("audience", ArgKind.Choice, choices: Audiences)
            .Arg("user", ArgKind.User),
        new CommandDefinition("audience remove", "Remove someone from an audience of this incident (comms or commander)", true)
            .Arg("audience", ArgKind.Choice, choices: Audiences)
            .Arg("user", ArgKind.User),
        new CommandDefinition("subscribe", "Receive this incident's updates for an open audience in a 1:1 chat", true)
            .Arg("audience", ArgKind.Word)
            .Flag("tenant", ArgKind.Switch)
            .Explain("Only audiences configured open (Notifications:Audiences:NAME:Open) take self-subscriptions; for the others ask comms or the commander: audience add AUDIENCE @user. " +
                "--tenant subscribes to every incident's updates in this tenant, only where Notifications:Audiences:NAME:TenantWide is set."),
        new CommandDefinition("unsubscribe", "Stop receiving an audience's updates", true)
            .Arg("audience", ArgKind.Word)
            .Flag("tenant", ArgKind.Switch),
        new CommandDefinition("approve", "Approve a deployment request (same rules as the Approve button)", true)
            .Arg("approval-id", ArgKind.Word),
        new CommandDefinition("reject", "Reject a deployment request, with the reason (same rules as the Reject button)", true)
            .Arg("approval-id", ArgKind.Word)
            .Arg("reason", ArgKind.Text, placeholder: "why"),
        new CommandDefinition("role", "Give someone a role in this incident (commander)", true)
            .Arg("role", ArgKind.Choice, choices: Roles)
            .Arg("user", ArgKind.User)
            .Explain("The declarer is commander from the start; role commander @USER hands over. Approvers may be several; comms and scribe have one holder each. Who may do what: docs/AUTHORITY.md."),
        new CommandDefinition("role remove", "Take a role away from someone (commander)", true)
            .Arg("role", ArgKind.Choice, choices: Roles)
            .Arg("user", ArgKind.User)
            .Explain("Recorded; a removed approver can no longer approve or reject. The commander is never removed, only handed over: role commander @USER."),
        new CommandDefinition("decision", "Record a decision and why (scribe or commander)", true)
            .Arg("what", ArgKind.Text, placeholder: "what was decided")
            .Flag("because", ArgKind.Text, placeholder: "why"),
        new CommandDefinition("log", "Show the decision log, newest first", false),
        new CommandDefinition("export", "Export the incident report (recorded while the incident is active)", false).LeavesRecord().Arg("format", ArgKind.Choice, required: false, choices: ["md", "json"]),
        new CommandDefinition("verify", "Prove the decision log was not edited", false),
        new CommandDefinition("review", "Start the post-incident review dialog", true)
            .Explain(DialogRules),
        new CommandDefinition("close", "Close the incident (commander)", true)
            .Flag("force", ArgKind.Text, placeholder: "why")
            .Explain("Refused while a phase has open checklist items or a containment action is not reversed; close --force \"WHY\" closes anyway and records the reason."),
        new CommandDefinition("cancel", "Leave the current dialog", false)
            .Explain(DialogRules),
    ];

    /// <summary>
    /// Commands whose every effect is a change of the conversation's incident, committed in the incident's own batch: a
    /// delivery the channel may repeat can carry its identity into that batch (<c>Command.DeliveryId</c>), so a repeat
    /// finds it there and needs no separate claim. Declaring, dialogs, subscriptions, phase moves (which start dialogs)
    /// and close (which unbinds the conversation) write outside the incident and keep the claim.
    /// </summary>
    public static readonly IReadOnlySet<string> DeliveredInIncidentBatch = new HashSet<string>(StringComparer.Ordinal)
    {
        "system add", "vuln add", "contain add", "contain done", "contain undo", "contain keep", "check", "uncheck",
        "patch add", "test", "deploy request", "deploy start", "deploy verify", "deploy rollback", "alert keep",
        "alert rollback", "notify", "approve", "reject", "role", "role remove", "decision", "export",
    };

    /// <summary>
    /// The grammar entries a handler serves, by name; a name the grammar does not have fails when the handler is built,
    /// so a handler can never list a command nobody can type.
    /// </summary>
    public static IReadOnlyCollection<string> Names(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.Select(n => All.FirstOrDefault(d => d.Name == n)?.Name
            ?? throw new InvalidOperationException($"'{n}' is not a command of the grammar (CommandCatalog).")).ToArray();
    }

    public static CommandDefinition? Find(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
