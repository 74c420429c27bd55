using ChatOps.Core.Cvss;

namespace ChatOps.Core.Tests;

/// <summary>Base scores of the vectors in FIRST's "CVSS v3.1: Examples" document.</summary>
public class CvssV31Tests
{
    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1, "Medium")] // CVE-2013-1937 phpMyAdmin XSS
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N", 6.4, "Medium")] // CVE-2013-0375 MySQL
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N", 3.1, "Low")] // CVE-2014-3566 POODLE
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 9.9, "Critical")] // CVE-2012-1516 VMware
    [InlineData("CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L", 4.2, "Medium")] // CVE-2009-0783 Tomcat
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 8.8, "High")] // CVE-2012-0384 Cisco IOS
    [InlineData("CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", 7.8, "High")] // CVE-2015-1098 iWork
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5, "High")] // CVE-2014-0160 Heartbleed
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "Critical")] // CVE-2014-6271 Shellshock
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N", 6.8, "Medium")] // CVE-2008-1447 DNS
    [InlineData("CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 6.8, "Medium")] // CVE-2014-2005 Sophos
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N", 5.8, "Medium")] // CVE-2010-0467 Joomla
    [InlineData("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:H", 9.3, "Critical")] // CVE-2013-6014 Juniper
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N", 5.4, "Medium")] // CVE-2014-9253 DokuWiki
    [InlineData("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 8.8, "High")] // CVE-2011-1265 Bluetooth
    [InlineData("CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N", 4.6, "Medium")] // CVE-2014-2019 iOS
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N", 7.4, "High")] // CVE-2014-0224 OpenSSL CCS
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H", 9.6, "Critical")] // CVE-2012-5376 Chrome IPC
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:N", 6.8, "Medium")] // CVE-2016-0128 Badlock
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0, "Critical")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0, "None")]
    public void BaseScore_SpecificationExamples_MatchFirst(string vector, double score, string severity)
    {
        Assert.True(CvssV31.TryParse(vector, out var parsed, out var error), error);

        Assert.Equal(score, parsed.BaseScore);
        Assert.Equal(severity, parsed.Severity);
    }

    [Theory]
    [InlineData("AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "starts with CVSS:3.1/")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", "lacks base metric(s) A")]
    [InlineData("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "'AV:X' is not a CVSS v3.1 metric")]
    [InlineData("CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "appears twice")]
    public void TryParse_BadVector_SaysWhatIsWrong(string vector, string expected)
    {
        Assert.False(CvssV31.TryParse(vector, out _, out var error));

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_TemporalMetrics_AreAcceptedAndNotScored()
    {
        Assert.True(CvssV31.TryParse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C", out var parsed, out _));

        Assert.Equal(9.8, parsed.BaseScore);
        Assert.Equal("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", parsed.ToString());
    }

    [Theory]
    [InlineData(4.0, 4.0)]
    [InlineData(4.02, 4.1)]
    [InlineData(4.000001, 4.0)]
    [InlineData(3.99999999, 4.0)]
    public void Roundup_AppendixA_AvoidsFloatingPointArtefacts(double input, double expected)
    {
        Assert.Equal(expected, CvssV31.Roundup(input));
    }
}
