using ChatOps.Core.Views;

namespace ChatOps.Cards;

/// <summary>Trusted wording for patch cells and the order problems are listed in, shared by both channels.</summary>
internal static class PatchText
{
    public static string Cell(PatchCellState state) => state switch
    {
        PatchCellState.Patched or PatchCellState.Verified => "✅ patched",
        PatchCellState.Deploying => "🔄 deploying",
        PatchCellState.Failed => "❌ failed",
        PatchCellState.RolledBack => "↩ rolled back",
        PatchCellState.Alert => "🚨 alert",
        _ => "⏳ pending",
    };

    /// <summary>Rows with problems first, so a cut list never hides a failure.</summary>
    public static IReadOnlyList<PatchMatrixRow> Ordered(PatchMatrixView view)
    {
        foreach (var row in view.Rows)
        {
            if (row.States.Count != view.PatchIds.Count)
            {
                throw new ArgumentException(
                    $"Patch matrix row '{row.System}' has {row.States.Count} states for {view.PatchIds.Count} patches.", nameof(view));
            }
        }

        return view.Rows.OrderBy(r => r.States.Count == 0 ? 5 : r.States.Min(Rank)).ToList();
    }

    public static string Summary(PatchMatrixView view, int patchIndex)
    {
        var counts = view.Rows.GroupBy(r => r.States[patchIndex]).OrderBy(g => Rank(g.Key)).Select(g => $"{g.Count()} {Cell(g.Key).Split(' ', 2)[1]}");
        return view.Rows.Count == 0 ? "no systems" : string.Join(", ", counts);
    }

    private static int Rank(PatchCellState state) => state switch
    {
        PatchCellState.Alert or PatchCellState.Failed => 0,
        PatchCellState.RolledBack => 1,
        PatchCellState.Pending => 2,
        PatchCellState.Deploying => 3,
        _ => 4,
    };
}
