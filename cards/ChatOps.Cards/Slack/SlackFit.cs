using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Cards.Slack.Model;
using ChatOps.Cards.Text;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Slack;

/// <summary>Builds a message with as many list items as fit in <see cref="SlackLimits.MessageBlocks"/> blocks.</summary>
internal static class SlackFit
{
    public static BlockKitMessage Render(View view, int count, Func<int, IEnumerable<Block?>> build)
    {
        var shown = ListFitter.LargestFitting(count, n => build(n).OfType<Block>().Count() <= SlackLimits.MessageBlocks);
        return Message(view, build(shown));
    }

    public static BlockKitMessage Message(View view, IEnumerable<Block?> blocks)
    {
        IReadOnlyList<Block> list = blocks.OfType<Block>().ToList();
        var array = JsonSerializer.SerializeToNode(list, BlockKitJsonContext.Default.IReadOnlyListBlock)!.AsArray();
        var text = SlackText.EscapeFit(view.FallbackText, SlackLimits.FallbackText, keepNewlines: true);

        // Slack wants a non-empty text for notifications even when blocks are present.
        return new BlockKitMessage(text.Length == 0 ? "-" : text, array);
    }

    public static JsonObject Modal(ModalView modal) =>
        JsonSerializer.SerializeToNode(modal, BlockKitJsonContext.Default.ModalView)!.AsObject();
}
