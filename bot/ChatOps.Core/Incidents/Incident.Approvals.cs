namespace ChatOps.Core.Incidents;

public sealed partial class Incident
{
    public List<ApprovalRequest> Approvals { get; init; } = [];

    public ApprovalRequest? FindApproval(string id) =>
        Approvals.FirstOrDefault(a => string.Equals(a.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The newest request for a patch (the one that counts), or null.</summary>
    public ApprovalRequest? LatestApproval(string patchId) =>
        Approvals.LastOrDefault(a => string.Equals(a.PatchId, patchId, StringComparison.OrdinalIgnoreCase));
}
