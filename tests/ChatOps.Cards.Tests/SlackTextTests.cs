using ChatOps.Cards.Slack;
using ChatOps.Cards.Text;

namespace ChatOps.Cards.Tests;

public class SlackTextTests
{
    [Fact]
    public void Escape_OfficialExample_MatchesSlackDocs()
    {
        // api.slack.com formatting docs: "Hello & <world> 🌊" -> "Hello &amp; &lt;world&gt; 🌊".
        Assert.Equal("Hello &amp; &lt;world&gt; 🌊", SlackText.Escape("Hello & <world> 🌊"));
    }

    [Fact]
    public void EscapeFit_CutInsideEntity_CutsBeforeTheEntity()
    {
        var result = SlackText.EscapeFit("abcd<efgh", 7);

        Assert.Equal("abcd…", result);
        Assert.True(result.Length <= 7);
    }

    [Fact]
    public void EscapeFit_CutInsideSurrogatePair_KeepsThePairWhole()
    {
        var result = SlackText.EscapeFit("ab🎉🎉🎉", 5);

        Assert.Equal("ab🎉…", result);
    }

    [Fact]
    public void EscapeFit_ShortText_IsOnlyEscaped()
    {
        Assert.Equal("&lt;!here&gt;", SlackText.EscapeFit("<!here>", 3000));
    }

    [Fact]
    public void Mrkdwn_UserText_IsVerbatim()
    {
        var text = SlackText.Mrkdwn("<!channel>");

        Assert.True(text.Verbatim);
        Assert.Equal("&lt;!channel&gt;", text.Text);
    }

    [Fact]
    public void Truncate_AtLimit_LeavesTextAlone()
    {
        Assert.Equal("abc", CardText.Truncate("abc", 3));
    }

    [Theory]
    [InlineData("2026-11-28T21:30:00+00:00", "2026-11-28T23:00:00+00:00", "2026-11-28 21:30–23:00 UTC")]
    [InlineData("2026-11-28T23:30:00+00:00", "2026-11-29T01:00:00+00:00", "2026-11-28 23:30 UTC – 2026-11-29 01:00 UTC")]
    [InlineData("2026-11-28T23:30:00+02:00", "2026-11-29T00:30:00+02:00", "2026-11-28 21:30–22:30 UTC")]
    public void Window_StartAndEnd_ShownInUtc(string start, string end, string expected)
    {
        Assert.Equal(expected, CardText.Window(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
