using ChatOps.Core.Views;

namespace ChatOps.Cards;

/// <summary>Trusted wording for containment states, shared by both channels.</summary>
internal static class ContainmentText
{
    public static string Icon(ContainmentMark mark) => mark switch
    {
        ContainmentMark.Done => "🛡",
        ContainmentMark.Reversed => "↩",
        ContainmentMark.Kept => "📌",
        _ => "⬜",
    };

    public static string Label(ContainmentMark mark) => mark switch
    {
        ContainmentMark.Done => "in place",
        ContainmentMark.Reversed => "reversed",
        ContainmentMark.Kept => "kept",
        _ => "open",
    };
}
