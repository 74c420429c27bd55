using System.Text.Json.Serialization;

namespace ChatOps.Core.Ci;

/// <summary>
/// What the CI provider's API said about a finished run when the bot read it: the facts behind a test result "from a
/// CI run" (as opposed to a typed claim). <paramref name="Conclusion"/> is the provider's own word (GitHub
/// <c>conclusion</c>, Azure DevOps <c>result</c>); <paramref name="Succeeded"/> is true only for <c>success</c> /
/// <c>succeeded</c>. <see cref="ExpectedArtifact"/> and <see cref="ArtifactFound"/> are set when the patch names an
/// artifact digest: whether one of the run's artifacts has it.
/// </summary>
public sealed record CiRunFacts(
    string Provider,
    string Url,
    string Conclusion,
    bool Succeeded,
    string? HeadCommit,
    int? Attempt,
    IReadOnlyList<CiArtifact> Artifacts,
    DateTimeOffset ReadAt)
{
    public string? ExpectedArtifact { get; init; }

    public bool? ArtifactFound { get; init; }

    /// <summary>The first 7 characters of the head commit, as Git shows it.</summary>
    [JsonIgnore]
    public string? ShortCommit => HeadCommit is { Length: > 7 } sha ? sha[..7] : HeadCommit;

    /// <summary>Checks the run against the patch's artifact digest (null: the patch names none).</summary>
    public CiRunFacts MatchedAgainst(string? digest) => digest is null
        ? this with { ExpectedArtifact = null, ArtifactFound = null }
        : this with { ExpectedArtifact = digest, ArtifactFound = Artifacts.Any(a => string.Equals(a.Digest, digest, StringComparison.OrdinalIgnoreCase)) };

    /// <summary>The test result the run stands for: pass only when it succeeded and holds the patch's artifact (if named).</summary>
    [JsonIgnore]
    public string Result => Succeeded && ArtifactFound is not false ? "pass" : "fail";

    /// <summary>Why a run that succeeded still counts as a failed test, or null.</summary>
    [JsonIgnore]
    public string? FailReason => ArtifactFound is false
        ? $"artifact {ExpectedArtifact} not among the run's artifacts{(Artifacts.All(a => a.Digest is null) ? " (the run reports no artifact digests)" : "")}"
        : null;
}
