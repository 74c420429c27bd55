namespace ChatOps.Core.Views;

/// <summary>Patches by affected systems, each cell pending / patched / verified / failed / rolled back.</summary>
public sealed record PatchMatrixView(string IncidentNumber, IReadOnlyList<string> PatchIds, IReadOnlyList<PatchMatrixRow> Rows) : View
{
    public override string FallbackText =>
        $"{IncidentNumber} patch status: {PatchIds.Count} patch(es) on {Rows.Count} system(s), " +
        $"{Rows.Sum(r => r.States.Count(s => s == PatchCellState.Failed))} failed";
}
