using ChatOps.Cards.Slack.Model;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Slack.Views;

/// <summary>A summary field per patch, then one line per system (problems first).</summary>
internal static class PatchMatrixBlocks
{
    public static BlockKitMessage Render(PatchMatrixView view)
    {
        var rows = PatchText.Ordered(view);
        return SlackFit.Render(view, rows.Count, n => Build(view, rows, n));
    }

    private static IEnumerable<Block?> Build(PatchMatrixView view, IReadOnlyList<PatchMatrixRow> rows, int take)
    {
        // At most 20 patches get a summary field (two sections); the per-system lines still list every patch.
        var patchFields = view.PatchIds.Take(20).Select((p, i) => (SlackParts.Esc(p), PatchText.Summary(view, i)));
        return new Block?[] { SlackParts.Header("Patch status"), SlackParts.Context(SlackParts.Esc(view.IncidentNumber)) }
            .Append(view.PatchIds.Count == 0 ? SlackParts.Section("No patches planned.") : null)
            .Concat(SlackParts.Fields(patchFields))
            .Append(view.PatchIds.Count > 20 ? SlackParts.More(view.PatchIds.Count, 20, "patches in the summary") : null)
            .Concat(SlackParts.Bullets(rows.Take(take).Select(r =>
                $"*{SlackParts.Esc(r.System)}*: " + string.Join(" · ", r.States.Select((s, i) => $"{SlackParts.Esc(view.PatchIds[i], 40)} {PatchText.Cell(s)}")))))
            .Append(SlackParts.More(rows.Count, Math.Min(take, rows.Count), "systems"));
    }
}
