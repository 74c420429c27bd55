using ChatOps.Bot.Gates.Auth;

namespace ChatOps.Bot.Tests.Gates;

public class GatePatternTests
{
    [Theory]
    [InlineData("INC-2026-*", "INC-2026-0007")]
    [InlineData("inc-2026-*", "INC-2026-0007")]
    [InlineData("KB?", "KB9")]
    [InlineData("*", "anything")]
    [InlineData("KB*34*1", "KB5034441")]
    public void Matches_MatchingId_IsTrue(string pattern, string id)
    {
        Assert.True(GatePattern.Matches(pattern, id));
    }

    [Theory]
    [InlineData("INC-2026-*", "INC-2025-0007")]
    [InlineData("KB?", "KB10")]
    [InlineData("KB9", "KB9x")]
    [InlineData("KB9", "xKB9")]
    public void Matches_OtherId_IsFalse(string pattern, string id)
    {
        Assert.False(GatePattern.Matches(pattern, id));
    }

    [Fact]
    public void Matches_CaseSensitiveSubject_IsExact()
    {
        Assert.False(GatePattern.Matches("repo:contoso/*", "repo:Contoso/web", ignoreCase: false));
    }

    [Fact]
    public void AnyMatches_NoPatterns_AllowsAnything()
    {
        Assert.True(GatePattern.AnyMatches([], "INC-1"));
    }

    [Fact]
    public void Matches_HostileLongId_AnswersQuickly()
    {
        var id = new string('a', 5000) + "b";

        var matched = GatePattern.Matches("*a*a*a*a*a*c", id);

        Assert.False(matched);
    }
}
