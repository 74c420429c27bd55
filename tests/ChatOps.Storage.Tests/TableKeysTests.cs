using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Storage;

namespace ChatOps.Storage.Tests;

public class TableKeysTests
{
    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\tb")]
    [InlineData("a\u007fb")]
    [InlineData("a\u0085b")]
    public void Escape_ForbiddenCharacters_AreRemovedFromKeys(string value)
    {
        var key = TableKeys.IncidentPartition(value, "INC-2026-0001");

        Assert.DoesNotContain(key, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
    }

    [Fact]
    public void Escape_DistinctInputs_NeverCollide()
    {
        var a = TableKeys.IncidentPartition("t|x", "y");
        var b = TableKeys.IncidentPartition("t", "x|y");
        var c = TableKeys.IncidentPartition("t%7Cx", "y");

        Assert.Equal(3, new[] { a, b, c }.Distinct().Count());
    }

    [Fact]
    public void Escape_RoundTripsTeamsConversationIds()
    {
        const string id = "19:abc@thread.tacv2;messageid=1759881511856";

        Assert.Equal(id, TableKeys.Unescape(TableKeys.Escape(id)));
        Assert.Equal("a/b#c?d", TableKeys.Unescape(TableKeys.Escape("a/b#c?d")));
    }

    [Fact]
    public void Escape_Empty_IsAClearError()
    {
        var error = Assert.Throws<InvalidKeyException>(() => TableKeys.Row(""));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConversationRow_OverlongId_IsAClearError()
    {
        var key = new ConversationKey(ChannelKind.Slack, "T1", new string('c', 2000));

        var error = Assert.Throws<InvalidKeyException>(() => TableKeys.ConversationRow(key));

        Assert.Contains("1024", error.Message, StringComparison.Ordinal);
    }
}
