using System.Web;
using ChatOps.Core.Commands;
using ChatOps.Core.Reports;
using ChatOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Documentation;

public sealed class ExportTests : IDisposable
{
    private readonly WorkflowHarness _h = new(settings: EmergencyPatchScenario.Settings);

    [Theory]
    [InlineData("export", "md")]
    [InlineData("export md", "md")]
    [InlineData("export json", "json")]
    public async Task Export_AfterClose_RepliesToTheRequesterOnlyWithAWorkingSignedLink(string command, string format)
    {
        await EmergencyPatchScenario.RunAsync(_h);

        var reply = await _h.SayAsync(command, Bob);

        Assert.Equal(ReplyMode.Requester, Assert.Single(reply.Replies).Mode);
        var url = new Uri(Text(reply).Split(' ', '\n').Single(w => w.StartsWith("https://", StringComparison.Ordinal)));
        Assert.Equal($"https://chatops.example.org/bot/api/incidents/{EmergencyPatchScenario.IncidentId}/report.{format}", url.GetLeftPart(UriPartial.Path));
        var query = HttpUtility.ParseQueryString(url.Query);
        var signer = _h.Services.GetRequiredService<ReportLinkSigner>();
        Assert.True(signer.IsValid(query["tenant"], EmergencyPatchScenario.IncidentId, format, query["exp"], query["sig"]));
        Assert.Equal(Tenant, query["tenant"]);
    }

    [Fact]
    public async Task Export_UnknownFormat_ShowsTheChoices()
    {
        await _h.SayAsync("declare \"x\"");

        var reply = await _h.SayAsync("export pdf");

        Assert.True(IsError(reply));
        Assert.Contains("md", Text(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_NoIncidentEver_SaysHowToStart()
    {
        var reply = await _h.SayAsync("export");

        Assert.Contains("declare", Text(reply), StringComparison.Ordinal);
    }

    public void Dispose() => _h.Dispose();
}
