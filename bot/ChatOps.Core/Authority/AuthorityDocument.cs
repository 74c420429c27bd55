using System.Text;
using ChatOps.Core.Commands.Grammar;

namespace ChatOps.Core.Authority;

/// <summary>docs/AUTHORITY.md, generated from <see cref="AuthorityMatrix.Defaults"/> (a test fails when the file differs).</summary>
public static class AuthorityDocument
{
    public static string Render()
    {
        var text = new StringBuilder();
        text.Append("""
            # Who may do what (authority matrix)

            Generated from `AuthorityMatrix.Defaults` (bot/ChatOps.Core/Authority/AuthorityMatrix.cs); a test fails when this file
            and the table differ. The dispatcher asks the table before any command or card action runs; nothing else checks roles.

            - **member**: anyone who can write in the incident's conversation.
            - **commander**: the declarer from the start; `role commander @x` hands over (recorded). Cannot be removed, only handed over.
            - **approver**: any number of people; never approves or rejects their own request, and counts once per request.
            - **comms**, **scribe**: one holder each. `role remove ROLE @x` takes a role away (recorded); a removed approver can no longer approve.
            - Roles named in `Policy:DefaultRoles` are given at declare and can be removed like any other.

            A refusal names the roles that may and who holds them now, and is recorded in the decision log as an attempt
            (`attempt.refused`; refused approval clicks as `approval.attempt-refused`). `close` is also refused while a phase has open
            checklist items or containment is not reversed, unless `close --force "WHY"` (the reason is recorded).

            ## Changing the table

            `Policy:Authority:ACTION` replaces one row: role names separated by commas, e.g. `Policy:Authority:deploy-start = commander,approver`
            (environment: `Policy__Authority__deploy-start`). In the key, a space of the action is written `-`. Start-up refuses an
            unknown action or role, an empty row, and `member` for `approve` or `reject`, naming the setting.

            ## The table

            | action | who may | also by |
            | --- | --- | --- |

            """);
        foreach (var rule in AuthorityMatrix.Defaults)
        {
            var usage = CommandCatalog.Find(rule.Action)?.Usage ?? rule.Action;
            var note = rule.Action switch
            {
                AuthorityMatrix.Answer => " (a dialog's question, typed or in its form)",
                AuthorityMatrix.Acknowledge => " (the Acknowledge button of a notice)",
                "phase" => " (moving to a phase; `phase` alone only shows it, as status)",
                _ => "",
            };
            var cards = AuthorityMatrix.CardActions.Where(c => c.Value == rule.Action).Select(c => $"`{c.Key}`").ToList();
            text.Append("| `").Append(usage.Replace("|", "\\|", StringComparison.Ordinal)).Append('`').Append(note).Append(" | ")
                .Append(string.Join(", ", rule.Roles.Select(AuthorityMatrix.Name)))
                .Append(" | ").Append(cards.Count == 0 ? "" : "card: " + string.Join(", ", cards)).Append(" |\n");
        }

        return text.ToString();
    }
}
