namespace ChatOps.Core.Ci;

/// <summary>
/// The answer of <see cref="ICiRunReader"/>: the run's facts when <see cref="Status"/> is
/// <see cref="CiRunLookupStatus.Read"/>, otherwise a message for the person who asked (never containing a token).
/// </summary>
public sealed record CiRunLookup(CiRunLookupStatus Status, CiRunFacts? Run, string? Message)
{
    public static CiRunLookup Found(CiRunFacts run) => new(CiRunLookupStatus.Read, run, null);

    public static CiRunLookup Refuse(string message) => new(CiRunLookupStatus.Refused, null, message);

    public static CiRunLookup Unfinished(string message) => new(CiRunLookupStatus.NotFinished, null, message);

    public static CiRunLookup Failed(string message) => new(CiRunLookupStatus.Unreadable, null, message);
}
