using ChatOps.Testing;

namespace ChatOps.Core.Tests.Alerts;

/// <summary>The export's monitoring section and time-to-verify: deploy at 22:00, alert at 22:10 kept at 22:15, mail01 verified at 22:30.</summary>
public sealed class ReportMonitoringTests : IDisposable
{
    private readonly AlertScenario _s = new();

    [Fact]
    public async Task Build_AfterAKeptAlertAndAVerify_ListsEachSystemWithAlertsAndDeployToVerify()
    {
        var report = await _s.KeptAlertThenVerifiedReportAsync();

        var mail01 = report.Monitoring.Single(m => m.System == "mail01");
        Assert.Equal(("KB1", 1800L, 1, 0, 1, 0), (mail01.Patch, mail01.DeployToVerifySeconds, mail01.AlertsFired, mail01.AlertsResolved, mail01.AlertsKept, mail01.AlertsRolledBack));
        var mail02 = report.Monitoring.Single(m => m.System == "mail02");
        Assert.Equal((null, null, 0), (mail02.VerifiedAt, mail02.DeployToVerifySeconds, mail02.AlertsFired));
    }

    [Fact]
    public async Task Metrics_AfterAVerify_TimeToVerifyIsFromTheDeploymentStart()
    {
        var report = await _s.KeptAlertThenVerifiedReportAsync();

        Assert.Equal(1800L, report.Metrics.TimeToVerifySeconds);
    }

    public void Dispose() => _s.Dispose();
}
