using ChatOps.Cards.Teams;

namespace ChatOps.Cards.Tests;

public class TeamsTextTests
{
    [Theory]
    [InlineData("[x](http://evil)", @"\[x\](http://evil)")]
    [InlineData("**bold** _it_", @"\*\*bold\*\* \_it\_")]
    [InlineData(@"a\b", @"a\\b")]
    [InlineData("{{DATE(2020-01-01T00:00:00Z)}}", @"{\{DATE(2020-01-01T00:00:00Z)}}")]
    [InlineData("a <b> | #c `d` ~e~", "a <b> | #c `d` ~e~")]
    [InlineData("- not a list", @"\- not a list")]
    [InlineData("1. not a list", @"1\. not a list")]
    [InlineData("version 1.2 - fine", "version 1.2 - fine")]
    public void Markdown_UserText_IsEscaped(string input, string expected)
    {
        Assert.Equal(expected, TeamsText.Markdown(input, 500));
    }

    [Fact]
    public void Markdown_KeepNewlines_MakesParagraphs()
    {
        Assert.Equal("one\n\ntwo", TeamsText.Markdown("one\r\ntwo", 500, keepNewlines: true));
    }

    [Fact]
    public void Markdown_ControlAndBidiCharacters_BecomeSpaces()
    {
        Assert.Equal("a b c", TeamsText.Markdown("a\u0000b\u202Ec", 500));
    }

    [Fact]
    public void Plain_LongText_IsCutWithEllipsis()
    {
        var result = TeamsText.Plain(new string('a', 100), 10);

        Assert.Equal("aaaaaaaaa…", result);
    }
}
