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

        problems.AddRange(options.UpdateInterval.Where(kv => kv.Value <= TimeSpan.Zero).Select(kv => $"Policy:UpdateInterval:{kv.Key} must be positive."));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
