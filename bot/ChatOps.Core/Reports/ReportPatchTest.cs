using ChatOps.Core.Incidents;

namespace ChatOps.Core.Reports;

/// <summary>
/// A test result of a patch. <paramref name="Source"/> (schema 1.2): <c>ci-run</c> when read from <paramref name="Run"/>,
/// <c>claimed</c> when typed, <c>waiver</c> for a waiver.
/// </summary>
public sealed record ReportPatchTest(string Result, string? Environment, string? Evidence, string? Note, string? WaiverReason, Participant By, DateTimeOffset At, string Source, ReportCiRun? Run)
{
    public static ReportPatchTest From(TestRecord test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var run = test.Run is { } r
            ? new ReportCiRun(r.Provider, r.Url, r.Conclusion, r.Succeeded, r.HeadCommit, r.Attempt, r.Artifacts.Select(a => new ReportCiArtifact(a.Name, a.Digest)).ToList(), r.ExpectedArtifact, r.ArtifactFound, r.ReadAt)
            : null;
        var source = test.Waived ? "waiver" : run is null ? "claimed" : "ci-run";
        return new ReportPatchTest(test.Result, test.Environment, test.Evidence, test.Note, test.WaiverReason, test.By, test.At, source, run);
    }

    /// <summary>The test as the Markdown report's patch matrix shows it, in the words of the log.</summary>
    public string Describe(Func<Participant?, string> who, Func<DateTimeOffset?, string> time)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(time);
        var where = Environment is null ? "" : $" in {Environment}";
        var waiver = WaiverReason is null ? "" : $" — {WaiverReason}";
        return Run is null
            ? $"{Result}{(Source == "claimed" ? " (claimed)" : "")}{where} by {who(By)} {time(At)}{(Evidence is null ? "" : $" ({Evidence})")}{waiver}"
            : $"{Result}{where} from {Ci.CiRunText.Describe(Run.ToFacts())} by {who(By)} {time(At)}";
    }
}
