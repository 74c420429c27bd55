using System.Text;
using ChatOps.Slack.Api;
using ChatOps.Slack.Tests.Fakes;

namespace ChatOps.Slack.Tests.Api;

public sealed class FilesApiTests
{
    [Fact]
    public async Task UploadAsync_Report_AsksForUrlUploadsBytesWithoutTokenAndShares()
    {
        await using var harness = await WebApiHarness.StartAsync();

        var fileId = await harness.Get<FilesApi>().UploadAsync("C1", "report.txt", Encoding.UTF8.GetBytes("hello"), initialComment: "Post-incident report");

        Assert.Equal("F0FAKE", fileId);
        var calls = harness.Api.Calls;
        Assert.Equal(["files.getUploadURLExternal", "upload:F0FAKE", "files.completeUploadExternal"], calls.Select(c => c.Method));
        Assert.Equal("filename=report.txt&length=5", calls[0].Body);
        Assert.StartsWith("application/x-www-form-urlencoded", calls[0].ContentType, StringComparison.Ordinal);
        Assert.Equal("hello", calls[1].Body);
        Assert.Null(calls[1].Authorization);
        Assert.Equal("C1", calls[2].Field("channel_id"));
        Assert.Equal("F0FAKE", calls[2].Json["files"]![0]!["id"]!.ToString());
        Assert.Equal("Post-incident report", calls[2].Field("initial_comment"));
    }

    [Fact]
    public async Task UploadAsync_SlackRefusesUrl_ThrowsAndUploadsNothing()
    {
        await using var harness = await WebApiHarness.StartAsync();
        harness.Api.Script("files.getUploadURLExternal", new ScriptedResponse(200, """{"ok":false,"error":"invalid_arguments"}"""));

        var error = await Assert.ThrowsAsync<SlackApiException>(() =>
            harness.Get<FilesApi>().UploadAsync("C1", "report.txt", Encoding.UTF8.GetBytes("hello")));

        Assert.Equal("invalid_arguments", error.ErrorCode);
        Assert.Single(harness.Api.Calls);
    }
}
