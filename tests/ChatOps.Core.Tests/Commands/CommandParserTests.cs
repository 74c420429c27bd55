using ChatOps.Core.Commands.Grammar;

namespace ChatOps.Core.Tests.Commands;

public class CommandParserTests
{
    /// <summary>A valid example of every command in the grammar; a test checks none is missing.</summary>
    public static readonly TheoryData<string, string> Examples = new()
    {
        { "help", "help" },
        { "help deploy request", "help" },
        { "declare \"Exchange ProxyShell exploitation\" --sev sev1 --systems mail01,mail02 --cve CVE-2021-34473 --channel", "declare" },
        { "status", "status" },
        { "phase contain", "phase" },
        { "phase test --skip \"C2 stays until the patch lands\"", "phase" },
        { "assess", "assess" },
        { "system add mail01 --owner @29:dan --criticality high", "system add" },
        { "vuln add CVE-2021-34473 --cvss CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H --exploited yes", "vuln add" },
        { "contain", "contain" },
        { "contain add \"Block port 443 at the edge\" --undo \"Remove rule 17\" --owner @29:dan", "contain add" },
        { "contain done C1", "contain done" },
        { "contain undo C1", "contain undo" },
        { "contain keep C1 --reason \"Keep MFA enforced\"", "contain keep" },
        { "check isolate", "check" },
        { "uncheck isolate", "uncheck" },
        { "patch add KB5005030 \"Exchange CU security update\" --systems mail01,mail02 --rollback \"Uninstall KB5005030\"", "patch add" },
        { "test KB5005030 pass --env staging --evidence https://ci.example.com/run/42 \"all smoke tests green\"", "test" },
        { "test KB5005030 waive --reason \"No staging for Exchange\"", "test" },
        { "deploy request KB5005030 --window 2026-11-28T22:00Z/PT2H --emergency \"Active exploitation\"", "deploy request" },
        { "deploy start KB5005030", "deploy start" },
        { "deploy verify KB5005030 mail01 ok", "deploy verify" },
        { "deploy rollback KB5005030 --reason \"Mail flow broken\"", "deploy rollback" },
        { "alert keep AL1 --reason \"Cache warming, error rate flat\"", "alert keep" },
        { "alert rollback AL1", "alert rollback" },
        { "notify management \"Patching tonight 22:00-24:00 UTC\"", "notify" },
        { "notify all \"All systems patched\"", "notify" },
        { "audience add management @29:carol", "audience add" },
        { "audience remove management @29:carol", "audience remove" },
        { "subscribe users --tenant", "subscribe" },
        { "approve A1", "approve" },
        { "reject A1 \"Window clashes with the payroll run\"", "reject" },
        { "deploy request KB5005030 --window +15m/PT2H --emergency \"Active exploitation\"", "deploy request" },
        { "subscribe management", "subscribe" },
        { "unsubscribe management", "unsubscribe" },
        { "role approver @29:bob", "role" },
        { "role remove approver @29:bob", "role remove" },
        { "decision \"Patch before forensics completes\" --because \"Active exploitation\"", "decision" },
        { "log", "log" },
        { "export md", "export" },
        { "verify", "verify" },
        { "review", "review" },
        { "close --force \"Accepted by CISO\"", "close" },
        { "cancel", "cancel" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Parse_ValidExample_MatchesItsCommand(string text, string expected)
    {
        var result = CommandParser.Parse(text);

        Assert.True(result.Success, result.Error);
        Assert.Equal(expected, result.Command!.Name);
    }

    [Fact]
    public void Examples_CoverEveryCommandOfTheGrammar()
    {
        var covered = Examples.Select(e => (string)e[1]).ToHashSet();
        var missing = CommandCatalog.All.Select(d => d.Name).Where(n => !covered.Contains(n)).ToList();

        Assert.True(missing.Count == 0, "no example for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Parse_Declare_ReadsArgumentsAndFlags()
    {
        var command = CommandParser.Parse("DECLARE “Ransomware on file servers” --sev SEV1 --systems fs01, --cve cve-2024-3400").Command;

        Assert.Null(command);
        var ok = CommandParser.Parse("DECLARE “Ransomware on file servers” --sev=SEV1 --systems fs01,fs02 --cve cve-2024-3400").Command!;
        Assert.Equal("Ransomware on file servers", ok["title"]);
        Assert.Equal("sev1", ok["sev"]);
        Assert.Equal(new[] { "fs01", "fs02" }, ok.ListOf("systems"));
        Assert.Equal("CVE-2024-3400", ok["cve"]);
        Assert.False(ok.Has("channel"));
    }

    [Fact]
    public void Parse_UnquotedTrailingText_IsTakenUpToTheNextOption()
    {
        var command = CommandParser.Parse("decision Patch mail01 first --because it faces the internet").Command!;

        Assert.Equal("Patch mail01 first", command["what"]);
        Assert.Equal("it faces the internet", command["because"]);
    }

    [Fact]
    public void Parse_EscapedQuoteInsideQuotes_IsKept()
    {
        var command = CommandParser.Parse("decision \"Say \\\"no\\\" to the vendor\"").Command!;

        Assert.Equal("Say \"no\" to the vendor", command["what"]);
    }

    [Theory]
    [InlineData("frobnicate", "Unknown command 'frobnicate'")]
    [InlineData("stauts", "Did you mean 'status'?")]
    [InlineData("declare", "'declare' needs \"TITLE\"")]
    [InlineData("declare \"x\" --sev sev9", "'sev9' is not valid for --sev; did you mean sev1? Use one of: sev1, sev2, sev3, sev4")]
    [InlineData("declare \"x\" --sev critical", "'critical' is not valid for --sev; use one of: sev1, sev2, sev3, sev4")]
    [InlineData("declare \"unclosed", "A quote is not closed")]
    [InlineData("declare \"x\" --colour red", "'declare' has no option --colour")]
    [InlineData("declare \"x\" --sev sev1 --sev sev2", "--sev is given twice")]
    [InlineData("declare \"x\" --sev", "--sev needs a value")]
    [InlineData("vuln add CVE-24", "'CVE-24' is not a CVE id")]
    [InlineData("vuln add CVE-2024-3400 --cvss AV:N", "starts with CVSS:3.1/")]
    [InlineData("role boss @29:bob", "'boss' is not valid for ROLE")]
    [InlineData("role approver bob", "must name a person with @")]
    [InlineData("contain add \"Block\"", "'contain add' needs --undo")]
    [InlineData("test KB1 pass --evidence ftp://x", "must be an http(s) link")]
    [InlineData("deploy request KB1 --window tomorrow", "write the window as START/DURATION")]
    [InlineData("deploy request KB1 --window +soon/PT2H", "not a start relative to now")]
    [InlineData("deploy request KB1 --window +45d/PT2H", "at most 30 days ahead")]
    [InlineData("notify managment \"hi\"", "did you mean management?")]
    [InlineData("notify \"hi\"", "'hi' is not valid for AUDIENCE; use one of: it, management, users, all")]
    [InlineData("notify Patching tonight", "'Patching' is not valid for AUDIENCE")]
    [InlineData("reject A1", "'reject' needs \"WHY\"")]
    [InlineData("deploy request KB1 --window 2026-11-28T22:00/PT2H", "with a time zone")]
    [InlineData("deploy request KB1 --window 2026-11-28T22:00Z/2h", "not an ISO 8601 duration")]
    [InlineData("deploy", "'deploy' needs one of these forms")]
    [InlineData("status now", "Unexpected 'now'")]
    public void Parse_BadInput_ExplainsAndShowsTheForm(string text, string expected)
    {
        var result = CommandParser.Parse(text);

        Assert.False(result.Success, $"'{text}' parsed");
        Assert.Contains(expected, result.Error ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ControlCharacterOutsideQuotes_IsRefused()
    {
        var result = CommandParser.Parse("status\u0007");

        Assert.Contains("control character", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("contain add \"Block\" --undo \"", "contain add")]
    [InlineData("deploy start KB1\u0007", "deploy start")]
    [InlineData("DECLARE \"unclosed", "declare")]
    public void Parse_UnreadableTextAfterAKnownCommand_ShowsThatCommandsForm(string text, string command)
    {
        var result = CommandParser.Parse(text);

        Assert.Equal(command, string.Join(' ', result.Attempted!.Words));
    }

    [Fact]
    public void Parse_UnreadableTextWithoutAKnownCommand_ShowsNoForm()
    {
        var result = CommandParser.Parse("frobnicate \"unclosed");

        Assert.Null(result.Attempted);
    }

    [Fact]
    public void Parse_VeryLongInput_IsRefusedWithTheLimit()
    {
        var result = CommandParser.Parse("decision " + new string('x', 5000));

        Assert.Contains("the limit is 4,000", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_IsGeneratedFromTheDefinition()
    {
        Assert.Equal("declare \"TITLE\" [--sev sev1|sev2|sev3|sev4] [--systems a,b] [--cve CVE-…] [--channel] [--members @a,@b]", CommandCatalog.Find("declare")!.Usage);
        Assert.Equal("deploy request PATCH-ID [--window START/DURATION] [--emergency \"JUSTIFICATION\"] [--ack \"WHY\"]", CommandCatalog.Find("deploy request")!.Usage);
    }

    [Fact]
    public void Usage_NoPlaceholderLooksLikeAnHtmlTag()
    {
        // Renderers that strip tags showed `declare ""` for `declare "<title>"`.
        var tagged = CommandCatalog.All.Where(d => System.Text.RegularExpressions.Regex.IsMatch(d.Usage + " " + d.Details, "<[^>]+>")).Select(d => d.Name).ToList();

        Assert.Empty(tagged);
    }

    [Fact]
    public void Parse_MisspelledCommand_ShowsTheUsageOfTheNearestCommand()
    {
        var result = CommandParser.Parse("delcare \"Outage\"");

        Assert.Contains("Did you mean 'declare'?", result.Error, StringComparison.Ordinal);
        Assert.Equal("declare", result.Attempted!.Name);
        Assert.True(result.UnknownVerb);
    }

    [Fact]
    public void Parse_NotifyWithATypoForAnAudience_NamesTheAudienceAndParsesNothing()
    {
        var result = CommandParser.Parse("notify managment \"hi\"");

        Assert.Null(result.Command);
        Assert.Equal("'managment' is not valid for AUDIENCE; did you mean management? Use one of: it, management, users, all.", result.Error);
    }
}
