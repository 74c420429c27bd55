namespace ChatOps.Core.Views;

/// <summary>Where an approval request stands; only <see cref="Pending"/> shows Approve/Reject buttons.</summary>
public enum ApprovalCardStatus
{
    Pending,
    Approved,
    Rejected,
    Voided,
    Expired,
    Deployed,
}
