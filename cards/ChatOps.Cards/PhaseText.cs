using ChatOps.Core.Views;

namespace ChatOps.Cards;

/// <summary>How a phase's standing is shown, shared by both channels: only a finished phase gets ✅.</summary>
internal static class PhaseText
{
    public static string Icon(PhaseProgress progress) => progress switch
    {
        PhaseProgress.Done => "✅",
        PhaseProgress.Current => "▶",
        PhaseProgress.Skipped => "⏭",
        PhaseProgress.Open => "◐",
        _ => "○",
    };

    /// <summary>A word after the name where the icon alone would not say it (skipped, open).</summary>
    public static string Suffix(PhaseProgress progress) => progress switch
    {
        PhaseProgress.Skipped => " (skipped)",
        PhaseProgress.Open => " (open)",
        _ => "",
    };
}
