namespace ChatOps.Core.Incidents;

/// <summary>
/// An alert that fired on a system while its patch was being deployed or watched after deployment (issue 20). Repeat
/// firings are not part of the incident's state: they are counted beside the posted card (see <c>IAlertTally</c>).
/// </summary>
public sealed class AlertRecord
{
    /// <summary>Short id people type, e.g. <c>AL1</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The source's identity of the alert (<c>source:alertId</c> or <c>source:fingerprint</c>), for dedupe.</summary>
    public required string Key { get; init; }

    public required string Source { get; init; }

    public required string Name { get; init; }

    public required string System { get; init; }

    public required string PatchId { get; init; }

    /// <summary>When the patch's deployment started (from its record), for "time since deploy".</summary>
    public DateTimeOffset? DeployedAt { get; init; }

    public DateTimeOffset FiredAt { get; init; }

    public string? Summary { get; init; }

    public AlertState State { get; set; }

    public DateTimeOffset? ChangedAt { get; set; }

    /// <summary>Who kept or rolled back (null for a resolution, which the source reports).</summary>
    public Participant? DecidedBy { get; set; }

    public string? Reason { get; set; }

    public bool IsFiring => State == AlertState.Firing;
}
