using ChatOps.Teams.Channels;

namespace ChatOps.Teams.Tests.Graph;

/// <summary>Channel names within Teams' rules (50 characters, forbidden characters, no leading _ or ., no trailing .).</summary>
public class TeamsChannelNameTests
{
    [Fact]
    public void For_ShortTitle_IsIdAndTitle()
    {
        Assert.Equal("INC-2026-0001 Exchange ProxyShell", TeamsChannelName.For("INC-2026-0001", "Exchange ProxyShell"));
    }

    [Fact]
    public void For_LongTitle_CutAtAWordWithin50()
    {
        var name = TeamsChannelName.For("INC-2026-0001", "Exchange ProxyShell exploitation on every mail server in the EU region");

        Assert.Equal("INC-2026-0001 Exchange ProxyShell exploitation on", name);
        Assert.True(name.Length <= TeamsChannelName.MaxLength);
    }

    [Fact]
    public void For_ForbiddenCharacters_BecomeSpaces()
    {
        Assert.Equal("INC-2026-0001 CVE 2024 3400 on fw01 fw02 PAN-OS", TeamsChannelName.For("INC-2026-0001", "CVE:2024#3400 on fw01/fw02 \"PAN-OS\"?"));
    }

    [Fact]
    public void For_TitleOfOnlyForbiddenCharacters_IsTheId()
    {
        Assert.Equal("INC-2026-0001", TeamsChannelName.For("INC-2026-0001", "<>?*|\\'\"~"));
    }

    [Fact]
    public void For_DotsAndControlCharacters_NeitherEndsWithDotNorKeepsControls()
    {
        Assert.Equal("INC-2026-0001 ransomware. see ticket", TeamsChannelName.For("INC-2026-0001", "ransomware...\tsee\u0007ticket..."));
    }

    [Fact]
    public void For_EmojiAtTheCut_NeverSplitsASurrogatePair()
    {
        var name = TeamsChannelName.For("INC-2026-0001", new string('x', 35) + "\U0001F525\U0001F525");

        Assert.True(name.Length <= TeamsChannelName.MaxLength);
        Assert.False(char.IsHighSurrogate(name[^1]));
    }

    [Fact]
    public void WithSuffix_SecondAttempt_AddsNumberWithin50()
    {
        var name = TeamsChannelName.WithSuffix(TeamsChannelName.For("INC-2026-0001", new string('a', 60)), 2);

        Assert.EndsWith(" (2)", name, StringComparison.Ordinal);
        Assert.True(name.Length <= TeamsChannelName.MaxLength);
    }

    [Fact]
    public void Closed_CalledTwice_AddsTheMarkerOnce()
    {
        var once = TeamsChannelName.Closed("INC-2026-0001 Exchange");

        Assert.Equal("[closed] INC-2026-0001 Exchange", TeamsChannelName.Closed(once));
    }
}
