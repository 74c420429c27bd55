namespace ChatOps.Core.Ci;

/// <summary>One wording of a CI run's facts for the log, replies and the report, so they tell the same story.</summary>
public static class CiRunText
{
    /// <summary>E.g. <c>GitHub Actions run https://… (success, commit 1a2b3c4, attempt 2, artifact sha256:… found)</c>.</summary>
    public static string Describe(CiRunFacts run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var facts = new List<string> { run.Conclusion };
        if (run.ShortCommit is { } commit)
            facts.Add($"commit {commit}");
        if (run.Attempt is { } attempt)
            facts.Add(FormattableString.Invariant($"attempt {attempt}"));
        facts.Add(Artifact(run));
        return $"{CiProviders.Display(run.Provider)} run {run.Url} ({string.Join(", ", facts)})";
    }

    /// <summary>Whether the run holds the patch's artifact: found, not among the run's artifacts, or the artifact count when none is named.</summary>
    public static string Artifact(CiRunFacts run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.ArtifactFound switch
        {
            true => $"artifact {run.ExpectedArtifact} found",
            false => $"artifact {run.ExpectedArtifact} not among the run's {run.Artifacts.Count} artifact(s)",
            null => FormattableString.Invariant($"{run.Artifacts.Count} artifact(s); the patch names no digest"),
        };
    }
}
