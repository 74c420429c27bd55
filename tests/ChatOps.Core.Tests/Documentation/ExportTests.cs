using ChatOps.Core.Commands;
using ChatOps.Testing;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Documentation;

public sealed class ExportTests : IDisposable
{
    private readonly WorkflowHarness _h = new(settings: EmergencyPatchScenario.Settings);

    [Theory]
    [InlineData("export", "md")]
    [InlineData("export md", "md")]
    [InlineData("export json", "json")]
    public async Task Export_AfterClose_RepliesToTheRequesterOnlyWithTheLinkTheHostMadeForThisReport(string command, string format)
    {
        await EmergencyPatchScenario.RunAsync(_h);

        var reply = await _h.SayAsync(command, Bob);

        Assert.Equal(ReplyMode.Requester, Assert.Single(reply.Replies).Mode);
        var url = new Uri(Text(reply).Split(' ', '\n').Single(w => w.StartsWith("https://", StringComparison.Ordinal)));
        var (tenant, incident, asked, link) = _h.Reports.Links.Last();
        Assert.Equal((Tenant, EmergencyPatchScenario.IncidentId, format), (tenant, incident, asked));
        Assert.Equal(link.Url, url);
    }

    [Theory]
    [InlineData("md")]
    [InlineData("json")]
    public async Task Export_AfterClose_AttachesTheReportWrittenInTheAskedFormat(string format)
    {
        await EmergencyPatchScenario.RunAsync(_h);

        var reply = await _h.SayAsync("export " + format, Bob);

        var file = Assert.Single(reply.Replies).File!;
        Assert.Equal($"{EmergencyPatchScenario.IncidentId}-report.{format}", file.FileName);
        Assert.StartsWith($"{format} report of {EmergencyPatchScenario.IncidentId}:", System.Text.Encoding.UTF8.GetString(file.Content.Span), StringComparison.Ordinal);
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
