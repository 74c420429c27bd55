namespace ChatOps.Core.Ci;

/// <summary>What reading a CI run came to.</summary>
public enum CiRunLookupStatus
{
    /// <summary>The run was read and has finished; its facts are in the lookup.</summary>
    Read,

    /// <summary>The link is not a run on a configured CI host (or no host is configured); nothing was asked.</summary>
    Refused,

    /// <summary>The run exists but is still queued or running.</summary>
    NotFinished,

    /// <summary>The CI API failed, throttled past the retries, refused the token or does not know the run.</summary>
    Unreadable,
}
