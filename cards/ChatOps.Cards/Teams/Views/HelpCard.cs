using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Cards.Teams.Model;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Teams.Views;

internal static class HelpCard
{
    // Plain help is one shared view (HelpHandler), so its card is rendered once: each reply gets a node over the same
    // parsed, read-only element (safe to share between threads; a node that is changed copies it first), or the card's
    // UTF-8 JSON itself to write out as it is (Utf8). Any other view is rendered afresh (its entry dies with the view).
    private static readonly ConditionalWeakTable<HelpView, Shared> Rendered = [];

    public static JsonObject Render(HelpView view) => JsonObject.Create(SharedOf(view).Element)!;

    /// <summary>The card's JSON as written once (never to be changed: the array is shared by every reply).</summary>
    public static ReadOnlyMemory<byte> Utf8(HelpView view) => SharedOf(view).Utf8;

    private static Shared SharedOf(HelpView view) => Rendered.GetValue(view, v =>
    {
        var utf8 = Bytes(Fresh(v));
        return new Shared(JsonElement.Parse(utf8), utf8);
    });

    private sealed record Shared(JsonElement Element, byte[] Utf8);

    private static byte[] Bytes(JsonObject card)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            card.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static JsonObject Fresh(HelpView view) => view.Detail is { } detail
        ? TeamsFit.Render(detail.Examples?.Count ?? 0, n => Detail(view, detail, n))
        : TeamsFit.Render(view.Commands.Count, n => List(view, n));

    // Each signature gets the card's full width on its own line, its summary under it: in a FactSet the host sizes the
    // title column, and Teams made it so narrow that signatures broke mid-word ("appro ver").
    private static AdaptiveCard List(HelpView view, int take) => TeamsParts.Card(view.FallbackText,
        new AdaptiveElement?[] { TeamsParts.Heading("Commands") }
            .Concat(view.Commands.Take(take).SelectMany(c => new AdaptiveElement[]
            {
                new TextBlock { Text = TeamsText.Markdown(c.Usage, TeamsLimits.Line), Weight = TextWeight.Bolder, Spacing = Spacing.Medium },
                new TextBlock { Text = TeamsText.Markdown(c.Summary, TeamsLimits.Line), IsSubtle = true, Spacing = Spacing.None },
            }))
            .Append(TeamsParts.More(view.Commands.Count, Math.Min(take, view.Commands.Count), "commands"))
            .Append(TeamsParts.Subtle("Type help followed by a command name for details.")));

    private static AdaptiveCard Detail(HelpView view, CommandHelpLine detail, int take) => TeamsParts.Card(view.FallbackText,
    [
        TeamsParts.Heading(detail.Usage, TextSize.Medium),
        TeamsParts.Para(detail.Summary),
        detail.Detail is null ? null : TeamsParts.Para(detail.Detail),
        detail.Examples is { Count: > 0 } ? TeamsParts.Label("Examples") : null,
        TeamsParts.Bullets(detail.Examples ?? [], take),
        TeamsParts.More(detail.Examples?.Count ?? 0, Math.Min(take, detail.Examples?.Count ?? 0), "examples"),
    ]);
}
