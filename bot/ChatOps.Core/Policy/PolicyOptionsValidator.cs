using ChatOps.Core.Playbooks;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Policy;

/// <summary>Start-up check of <c>Policy:*</c>; a bad value stops the process with a message naming the key.</summary>
internal sealed class PolicyOptionsValidator : IValidateOptions<PolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, PolicyOptions options)
    {
        var problems = new List<string>();
        if (options.RequiredApprovals is < 1 or > 10)
        {
            problems.Add("Policy:RequiredApprovals must be between 1 and 10.");
        }

        if (options.PlaybookPath is { Length: > 0 } path)
        {
            try
            {
                PlaybookLoader.LoadFile(path);
            }
            catch (PlaybookException ex)
            {
                problems.Add("Policy:PlaybookPath: " + ex.Message);
            }
        }

        foreach (var window in options.MaintenanceWindows)
        {
            if (MaintenanceWindows.Validate(window) is { } problem)
            {
                problems.Add($"Policy:MaintenanceWindows ({window.Name}): {problem}");
            }
        }

        foreach (var (key, value) in options.Authority)
        {
            var action = Authority.AuthorityMatrix.ActionOf(key);
            if (action is null)
            {
                problems.Add($"Policy:Authority:{key}: there is no command or action '{key}'; the actions are listed in docs/AUTHORITY.md (write a space as -, e.g. deploy-start).");
            }
            else if (!Authority.AuthorityMatrix.TryParseRoles(value, out var roles, out var problem))
            {
                problems.Add($"Policy:Authority:{key}: {problem}");
            }
            else if (action is "approve" or "reject" && roles.Contains(Authority.AuthorityRole.Member))
            {
                problems.Add($"Policy:Authority:{key}: an approval needs named approvers, so {action} cannot include member.");
            }
        }

        if (options.WatchFor <= TimeSpan.Zero || options.WatchFor > TimeSpan.FromDays(7))
        {
            problems.Add("Policy:WatchFor must be a positive duration of at most 7 days (e.g. 02:00:00 for two hours).");
        }

        problems.AddRange(options.UpdateInterval.Where(kv => kv.Value <= TimeSpan.Zero).Select(kv => $"Policy:UpdateInterval:{kv.Key} must be positive."));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
