using ChatOps.Core.Ci;

namespace ChatOps.Core.Views;

/// <summary>Turns recorded CI run facts into the card line.</summary>
public static class CiRunLines
{
    public static CiRunLine? Of(CiRunFacts? run) => run is null
        ? null
        : new CiRunLine(CiProviders.Display(run.Provider), run.Conclusion, run.Succeeded, run.ShortCommit, run.ExpectedArtifact, run.ArtifactFound);
}
