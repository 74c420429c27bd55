namespace ChatOps.Core.Authority;

/// <summary>One row of the <see cref="AuthorityMatrix"/>: an action (a command of the grammar, or a card action's own name) and who may do it.</summary>
/// <param name="Action">The command's name (<c>deploy start</c>), or <c>answer</c> / <c>acknowledge</c> for dialog answers and the notice button.</param>
/// <param name="Roles">Who may: <see cref="AuthorityRole.Member"/> means anyone.</param>
public sealed record AuthorityRule(string Action, IReadOnlyList<AuthorityRole> Roles)
{
    public bool AnyMember => Roles.Contains(AuthorityRole.Member);
}
