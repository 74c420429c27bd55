using ChatOps.Core.Views;

namespace ChatOps.Cards.Tests.Support;

/// <summary>
/// Every view the bot can send, realistic (for golden files) and extreme: empty, 200 systems or items, very long and
/// hostile strings (mentions, markdown links, card functions, control and bidi characters, emoji).
/// </summary>
internal static partial class ViewSamples
{
    public const string Hostile =
        "<!channel> <@U024BE7LH> <https://evil.example|click> [x](http://evil) **bold** _it_ {{DATE(2020-01-01T00:00:00Z)}} " +
        "& \u0000\u0007\u202Etxt.exe\r\n- list\n1. one `code` ~strike~ # h |t| \\ <at>Bob</at> é漢🎉";

    public static readonly DateTimeOffset T0 = new(2026, 11, 28, 21, 30, 0, TimeSpan.Zero);

    public static string Long { get; } = string.Concat(Enumerable.Repeat(Hostile + " ", 120));

    public static IReadOnlyList<string> Many(string prefix, int count, string? suffix = null) =>
        Enumerable.Range(1, count).Select(i => $"{prefix}-{i:D3}{suffix}").ToList();

    // Built once: the extreme samples hold megabytes of text.
    private static readonly Lazy<IReadOnlyList<(string Name, View View)>> Cached = new(() => Realistic().Concat(Extreme()).ToList());

    /// <summary>(name, view) for every view: the realistic ones first, then the extreme ones.</summary>
    public static IReadOnlyList<(string Name, View View)> All() => Cached.Value;

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in All())
        {
            data.Add(name);
        }

        return data;
    }

    public static IEnumerable<string> RealisticNameList() => Realistic().Select(s => s.Item1);

    public static TheoryData<string> RealisticNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in RealisticNameList())
        {
            data.Add(name);
        }

        return data;
    }

    public static View Get(string name) => All().Single(s => s.Name == name).View;
}
