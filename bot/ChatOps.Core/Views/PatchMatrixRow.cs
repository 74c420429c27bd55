namespace ChatOps.Core.Views;

/// <summary>One system's row: <paramref name="States"/>[i] is the state of <c>PatchMatrixView.PatchIds[i]</c>.</summary>
public sealed record PatchMatrixRow(string System, IReadOnlyList<PatchCellState> States);
