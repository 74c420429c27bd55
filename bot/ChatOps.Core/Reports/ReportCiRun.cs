namespace ChatOps.Core.Reports;

/// <summary>
/// The CI run a test result was read from (schema 1.2), as the bot read it at <paramref name="ReadAt"/>.
/// <paramref name="ExpectedArtifact"/>/<paramref name="ArtifactFound"/>: the patch's digest and whether the run had it (null when the patch names none).
/// </summary>
public sealed record ReportCiRun(
    string Provider,
    string Url,
    string Conclusion,
    bool Succeeded,
    string? HeadCommit,
    int? Attempt,
    IReadOnlyList<ReportCiArtifact> Artifacts,
    string? ExpectedArtifact,
    bool? ArtifactFound,
    DateTimeOffset ReadAt)
{
    /// <summary>Back to the recorded facts, so the report words the run as the log does (<see cref="Ci.CiRunText"/>).</summary>
    public Ci.CiRunFacts ToFacts() =>
        new(Provider, Url, Conclusion, Succeeded, HeadCommit, Attempt, Artifacts.Select(a => new Ci.CiArtifact(a.Name, a.Digest)).ToList(), ReadAt)
        {
            ExpectedArtifact = ExpectedArtifact,
            ArtifactFound = ArtifactFound,
        };
}
