using ChatOps.Core.Identity;
using ChatOps.Core.Incidents;
using ChatOps.Core.Policy;
using ChatOps.Core.Views;
using static ChatOps.Core.Authority.AuthorityRole;

namespace ChatOps.Core.Authority;

/// <summary>
/// The one table of who may do what in an incident: for every command of the grammar and every card action, the roles
/// that may do it. The dispatcher asks it before any handler runs (approvals ask it inside their decision, so the refused
/// click is recorded on the approval); nothing else checks roles. <c>Policy:Authority:ACTION</c> replaces a row
/// (<see cref="PolicyOptions.Authority"/>); docs/AUTHORITY.md is generated from <see cref="Markdown"/> and a test keeps it equal.
/// </summary>
public sealed class AuthorityMatrix
{
    /// <summary>Answering a dialog question, typed or in its form.</summary>
    public const string Answer = "answer";

    /// <summary>The Acknowledge button of a stakeholder notice.</summary>
    public const string Acknowledge = "acknowledge";

    /// <summary>The shipped table. Rows are in the order of the grammar, then the two actions that are not commands.</summary>
    public static IReadOnlyList<AuthorityRule> Defaults { get; } =
    [
        new("help", [Member]),
        new("declare", [Member]),
        new("status", [Member]),
        new("phase", [Commander]),
        new("assess", [Member]),
        new("system add", [Member]),
        new("vuln add", [Member]),
        new("contain", [Member]),
        new("contain add", [Commander]),
        new("contain done", [Member]),
        new("contain undo", [Member]),
        new("contain keep", [Commander]),
        new("check", [Member]),
        new("uncheck", [Member]),
        new("patch add", [Member]),
        new("test", [Member]),
        new("deploy request", [Member]),
        new("deploy start", [Member]),
        new("deploy verify", [Member]),
        new("deploy rollback", [Member]),
        new("alert keep", [Commander]),
        new("alert rollback", [Member]),
        new("notify", [Comms, Commander]),
        new("audience add", [Comms, Commander]),
        new("audience remove", [Comms, Commander]),
        new("subscribe", [Member]),
        new("unsubscribe", [Member]),
        new("approve", [Approver]),
        new("reject", [Approver]),
        new("role", [Commander]),
        new("role remove", [Commander]),
        new("decision", [Scribe, Commander]),
        new("log", [Member]),
        new("export", [Member]),
        new("verify", [Member]),
        new("review", [Member]),
        new("close", [Commander]),
        new("cancel", [Member]),
        new(Answer, [Member]),
        new(Acknowledge, [Member]),
    ];

    /// <summary>Card actions and the row that rules them (a button does what its command does).</summary>
    public static IReadOnlyDictionary<string, string> CardActions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [CardVerbs.ChecklistToggle] = "check",
        [CardVerbs.ApprovalApprove] = "approve",
        [CardVerbs.ApprovalReject] = "reject",
        [CardVerbs.ApprovalRejectPrompt] = "reject",
        [CardVerbs.ApprovalRefresh] = "status",
        [CardVerbs.NoticeAck] = Acknowledge,
        [CardVerbs.LogPage] = "log",
        [CardVerbs.DialogForm] = Answer,
        [CardVerbs.DialogSubmit] = Answer,
        [CardVerbs.AlertKeep] = "alert keep",
        [CardVerbs.AlertKeepPrompt] = "alert keep",
        [CardVerbs.AlertRollback] = "alert rollback",
    };

    private readonly Dictionary<string, AuthorityRule> _rules;

    public AuthorityMatrix(PolicyOptions policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _rules = Defaults.ToDictionary(r => r.Action, StringComparer.Ordinal);
        foreach (var (key, value) in policy.Authority)
        {
            if (ActionOf(key) is { } action && TryParseRoles(value, out var roles, out _))
            {
                _rules[action] = new AuthorityRule(action, roles);
            }
        }
    }

    /// <summary>The table in force (defaults with the configured rows replaced), in <see cref="Defaults"/> order.</summary>
    public IReadOnlyList<AuthorityRule> Rules => Defaults.Select(d => _rules[d.Action]).ToList();

    public AuthorityRule Rule(string action) =>
        _rules.TryGetValue(action, out var rule) ? rule : throw new ArgumentException($"'{action}' is not in the authority matrix.", nameof(action));

    /// <summary>The row for a typed command or a card verb (null for a verb the matrix does not know: nothing to allow).</summary>
    public static string? ActionOfVerb(string verb) => CardActions.TryGetValue(verb, out var action) ? action : null;

    /// <summary>The row for a parsed command: its name, except that <c>phase</c> with no phase only shows it (as <c>status</c> does).</summary>
    public static string ActionOf(Commands.Grammar.ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Name == "phase" && command["phase"] is null ? "status" : command.Name;
    }

    /// <summary>Whether <paramref name="userId"/> may do <paramref name="action"/> in <paramref name="incident"/>.</summary>
    public bool Allows(Incident incident, string userId, string action)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var rule = Rule(action);
        return rule.AnyMember || rule.Roles.Any(r => Holders(incident, r).Any(p => string.Equals(p.UserId, userId, StringComparison.Ordinal)));
    }

    /// <summary>Null when <paramref name="actor"/> may do <paramref name="action"/>; else the refusal, naming who may (role and holder).</summary>
    public string? Refusal(Incident incident, Actor actor, string action)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(actor);
        if (Allows(incident, actor.UserId, action))
        {
            return null;
        }

        var roles = Rule(action).Roles;
        var who = string.Join(" or ", roles.Select(r => Describe(incident, r)));
        var unheld = roles.Where(r => Holders(incident, r).Count == 0).Select(Name).ToList();
        var hint = unheld.Count == 0
            ? ""
            : $" The commander ({Holders(incident, Commander)[0].DisplayName}) gives roles: role {string.Join(" @USER, role ", unheld)} @USER.";
        return $"Only {who} may run '{action}' in {incident.Id}; your attempt is recorded.{hint}";
    }

    /// <summary>Who holds <paramref name="role"/> now: the commander is the declarer until handed over; approvers may be several.</summary>
    public static IReadOnlyList<Participant> Holders(Incident incident, AuthorityRole role)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return role switch
        {
            Member => [],
            Commander => [incident.Holder(IncidentRole.Commander) ?? incident.DeclaredBy],
            Approver => HoldersOf(incident, IncidentRole.Approver),
            Comms => HoldersOf(incident, IncidentRole.Comms),
            _ => HoldersOf(incident, IncidentRole.Scribe),
        };
    }

    /// <summary>The action a <c>Policy:Authority</c> key names (<c>deploy-start</c> → <c>deploy start</c>), or null when none.</summary>
    public static string? ActionOf(string key)
    {
        var action = (key ?? "").Trim().Replace('-', ' ').Replace('_', ' ').ToLowerInvariant();
        return Defaults.Any(d => d.Action == action) ? action : null;
    }

    /// <summary>Parses a configured row: role names separated by commas.</summary>
    public static bool TryParseRoles(string? value, out IReadOnlyList<AuthorityRole> roles, out string? problem)
    {
        var list = new List<AuthorityRole>();
        roles = list;
        problem = null;
        foreach (var word in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<AuthorityRole>(word, ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(word, out _))
            {
                problem = $"'{word}' is not a role; use {RoleNames}.";
                return false;
            }

            list.Add(role);
        }

        problem = list.Count == 0 ? $"name at least one of {RoleNames}." : null;
        return list.Count > 0;
    }

    private static List<Participant> HoldersOf(Incident incident, IncidentRole role) =>
        incident.Roles.Where(r => r.Role == role).Select(r => r.Person).ToList();

    public static string Name(AuthorityRole role) => role.ToString().ToLowerInvariant();

    private static string RoleNames => string.Join(", ", Enum.GetValues<AuthorityRole>().Select(Name));

    private static string Describe(Incident incident, AuthorityRole role)
    {
        var holders = Holders(incident, role);
        var names = holders.Count == 0 ? "nobody holds it yet" : string.Join(", ", holders.Select(p => p.DisplayName));
        return role switch
        {
            Commander => $"the commander ({names})",
            Approver => $"an approver ({names})",
            Scribe => $"the scribe ({names})",
            _ => $"{Name(role)} ({names})",
        };
    }
}
