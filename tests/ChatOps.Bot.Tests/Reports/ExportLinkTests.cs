using System.Web;
using ChatOps.Bot.Reports;
using ChatOps.Core.Commands;
using ChatOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Bot.Tests.Reports;

/// <summary><c>export</c> through Core's dispatcher with the host's report ports (<see cref="ReportServiceCollectionExtensions.AddReports"/>): the link is signed and checks out.</summary>
public sealed class ExportLinkTests : IDisposable
{
    private readonly WorkflowHarness _h = new(settings: EmergencyPatchScenario.Settings, configure: services => services.AddReports());

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

    public void Dispose() => _h.Dispose();
}
