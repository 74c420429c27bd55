using ChatOps.Core.Incidents;
using ChatOps.Core.Views;
using ChatOps.Testing;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Workflow;

/// <summary>With no maintenance window configured (the shipped default) a typed window is a requested window.</summary>
public sealed class RequestedWindowTests : IDisposable
{
    private readonly WorkflowHarness _h = new(settings: new Dictionary<string, string?> { [NoMaintenanceWindow.Key] = NoMaintenanceWindow.Value });

    [Fact]
    public async Task Request_NoWindowsConfigured_IsRefusedWithoutTheEmergencyRule()
    {
        await PrepareAsync();

        var reply = await _h.SayAsync("deploy request KB1 --window +15m/PT2H");

        Assert.True(IsError(reply));
        Assert.Contains("No maintenance windows are configured (Policy:MaintenanceWindows), so 2026-11-27T22:15Z/PT2H is a requested window", Text(reply), StringComparison.Ordinal);
        Assert.Contains("--emergency \"JUSTIFICATION\"", Text(reply), StringComparison.Ordinal);
        Assert.Empty((await IncidentAsync()).Approvals);
    }

    [Fact]
    public async Task Request_NoWindowsConfiguredWithEmergency_CardSaysRequestedWindowAndNeedsOneMoreApproval()
    {
        await PrepareAsync();

        var reply = await _h.SayAsync("deploy request KB1 --window +15m/PT2H --emergency \"Actively exploited\"");

        var card = Assert.IsType<ApprovalRequestView>(reply.Replies[0].View);
        Assert.True(card.Window.Requested);
        Assert.Equal("Requested window", card.Window.Label);
        Assert.Equal(2, card.RequiredApprovals);
    }

    [Fact]
    public async Task Request_RelativeStart_IsResolvedAgainstTheClockAndRecordedAbsolute()
    {
        using var h = new WorkflowHarness();
        await PrepareAsync(h);

        await h.SayAsync("deploy request KB1 --window +15m/PT2H");

        var approval = Assert.Single((await IncidentAsync(h)).Approvals);
        Assert.Equal(new MaintenanceWindow(h.Time.GetUtcNow().AddMinutes(15), TimeSpan.FromHours(2)), approval.Binding.Window);
    }

    [Fact]
    public void TryParse_RelativeStart_RoundsToTheMinute()
    {
        var now = new DateTimeOffset(2026, 11, 27, 22, 0, 42, TimeSpan.Zero);

        Assert.True(MaintenanceWindow.TryParse("+2h/PT30M", now, out var window, out _));

        Assert.Equal("2026-11-28T00:00Z/PT30M", window.ToString());
    }

    public void Dispose() => _h.Dispose();

    private Task PrepareAsync() => PrepareAsync(_h);

    private static async Task PrepareAsync(WorkflowHarness h)
    {
        await h.SayAsync("declare \"Exchange\" --systems mail01");
        await h.SayAsync("patch add KB1 \"CU23\" --systems mail01 --rollback \"uninstall\"");
        await h.SayAsync("test KB1 pass --env staging --evidence https://ci.example.com/1");
    }

    private Task<Incident> IncidentAsync() => IncidentAsync(_h);

    private static async Task<Incident> IncidentAsync(WorkflowHarness h) => (await h.Storage.Incidents.GetAsync(Tenant, "INC-2026-0001"))!.Incident;
}
