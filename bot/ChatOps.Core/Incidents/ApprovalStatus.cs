namespace ChatOps.Core.Incidents;

public enum ApprovalStatus
{
    Pending,
    Approved,
    Rejected,

    /// <summary>Something it was bound to changed (patch, systems, window, evidence); a new request is needed.</summary>
    Voided,

    /// <summary>Its window ended before the deployment started.</summary>
    Expired,

    Deployed,
}
