namespace ChatOps.Core.Views;

/// <summary>
/// The CI run a test result was read from, as cards show it: the provider's name, its conclusion, the head commit's
/// short sha and whether the patch's artifact digest is among the run's artifacts (null: the patch names no digest).
/// </summary>
public sealed record CiRunLine(string Provider, string Conclusion, bool Succeeded, string? Commit, string? Artifact, bool? ArtifactFound);
