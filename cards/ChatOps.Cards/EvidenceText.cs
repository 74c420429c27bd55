using ChatOps.Core.Views;

namespace ChatOps.Cards;

/// <summary>
/// Trusted wording of where a test result comes from, shared by both channels: a CI run the bot read (with its
/// conclusion, commit and artifact match) or a typed claim nobody checked.
/// </summary>
internal static class EvidenceText
{
    public const string Claimed = "claimed (typed; not read from a CI run)";

    public static string Source(TestEvidenceLine evidence) =>
        evidence.Run is { } run ? $"{run.Provider} run, read by the bot" : Claimed;

    public static string Conclusion(CiRunLine run) => (run.Succeeded ? "✅ " : "❌ ") + run.Conclusion;

    public static string Artifact(CiRunLine run) => run.ArtifactFound switch
    {
        true => $"✓ {run.Artifact} is among the run's artifacts",
        false => $"✗ {run.Artifact} is not among the run's artifacts",
        null => "the patch names no artifact digest",
    };
}
