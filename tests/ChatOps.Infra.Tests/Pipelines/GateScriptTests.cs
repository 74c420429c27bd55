using System.Text.Json.Nodes;

namespace ChatOps.Infra.Tests.Pipelines;

/// <summary>infra/pipelines/chatops-gate.sh against a real HTTP gate server on 127.0.0.1.</summary>
[Trait("Category", "Process")] // runs bash or the Bicep CLI
public class GateScriptTests
{
    [Fact]
    public async Task Wait_PendingThenApproved_SucceedsAfterPolling()
    {
        await using var server = await FakeGateServer.StartAsync("pending", "pending", "approved");

        var result = await RunAsync(server, "wait");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("approved by Alice Approver", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, request => Assert.Equal(("GET", "/api/gates/INC-7/KB5034441"), (request.Method, request.Path)));
    }

    [Theory]
    [InlineData("rejected")]
    [InlineData("voided")]
    [InlineData("expired")]
    [InlineData("deployed")]
    public async Task Wait_ApprovalNoLongerUsable_FailsWithoutDeploying(string state)
    {
        await using var server = await FakeGateServer.StartAsync("pending", state);

        var result = await RunAsync(server, "wait");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"the approval is {state}", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_Rejected_ShowsTheReasonFromChat()
    {
        await using var server = await FakeGateServer.StartAsync("rejected");

        var result = await RunAsync(server, "wait");

        Assert.Contains("rollback plan untested", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_TenantGiven_IsSentAsQueryOnEveryCall()
    {
        await using var server = await FakeGateServer.StartAsync("approved");

        await RunAsync(server, "wait", tenant: "T0 1");
        await RunAsync(server, "started", tenant: "T0 1");

        Assert.Equal(["/api/gates/INC-7/KB5034441?tenant=T0%201", "/api/gates/INC-7/KB5034441/started?tenant=T0%201"], server.Requests.Select(request => request.Path));
    }

    [Fact]
    public async Task Wait_BadRequest_FailsAtOnceWithTheBotsMessage()
    {
        await using var server = await FakeGateServer.StartAsync("400");

        var result = await RunAsync(server, "wait");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot be an incident id", result.StandardError, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Wait_OutsideTheTokensBinding_FailsAtOnceNamingTheBinding()
    {
        await using var server = await FakeGateServer.StartAsync("403");

        var result = await RunAsync(server, "wait", tenant: "another-tenant");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("may not act on this tenant, incident or patch (HTTP 403)", result.StandardError, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Wait_ApprovedArtifactIsTheFileDeployed_Succeeds()
    {
        await using var server = await FakeGateServer.StartAsync("approved");
        using var artifact = new ArtifactFile("the approved build");
        server.Artifact = artifact.Digest;

        var result = await RunAsync(server, "wait", artifactFile: artifact.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Wait_ApprovedArtifactDiffersFromTheFileDeployed_RefusesToDeploy()
    {
        await using var server = await FakeGateServer.StartAsync("approved");
        using var approved = new ArtifactFile("the approved build");
        using var other = new ArtifactFile("a different build");
        server.Artifact = approved.Digest;

        var result = await RunAsync(server, "wait", artifactFile: other.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"the approved artifact is {approved.Digest} but this pipeline would deploy {other.Digest}", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_ApprovalBoundToAnArtifactButPipelineNamesNone_RefusesToDeploy()
    {
        await using var server = await FakeGateServer.StartAsync("approved");
        server.Artifact = "sha256:" + new string('a', 64);

        var result = await RunAsync(server, "wait");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("set CHATOPS_ARTIFACT_FILE or CHATOPS_ARTIFACT_DIGEST", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_PipelineNamesAnArtifactTheApprovalDoesNotBind_RefusesToDeploy()
    {
        await using var server = await FakeGateServer.StartAsync("approved");

        var result = await RunAsync(server, "wait", artifactDigest: "sha256:" + new string('B', 64));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the approval names no artifact", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Started_ArtifactDiffersFromTheApproval_RecordsNothing()
    {
        await using var server = await FakeGateServer.StartAsync("approved");
        server.Artifact = "sha256:" + new string('a', 64);

        var result = await RunAsync(server, "started", artifactDigest: "sha256:" + new string('b', 64));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["GET"], server.Requests.Select(request => request.Method));
    }

    [Fact]
    public async Task Wait_GitHubOidcAudienceInsteadOfToken_SendsTheIssuedToken()
    {
        await using var server = await FakeGateServer.StartAsync("approved");

        var result = await RunAsync(server, "wait", token: "", extra: new()
        {
            ["GATES_OIDC_AUDIENCE"] = "chatops-gate",
            ["ACTIONS_ID_TOKEN_REQUEST_URL"] = server.BaseUrl + "/oidc/token?api-version=2.0",
            ["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = FakeGateServer.OidcRequestToken,
        });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"Bearer {FakeGateServer.Token}", Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task Wait_StillPendingAtTimeout_Fails()
    {
        await using var server = await FakeGateServer.StartAsync("pending");

        var result = await RunAsync(server, "wait", timeoutSeconds: "1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("timed out", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_WrongToken_FailsAtOnceNamingTheToken()
    {
        await using var server = await FakeGateServer.StartAsync("approved");

        var result = await RunAsync(server, "wait", token: "wrong");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("check GATES_TOKEN", result.StandardError, StringComparison.Ordinal);
        Assert.Single(server.Requests);
        Assert.DoesNotContain("wrong", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_UnknownPatch_FailsTellingHowToRequest()
    {
        await using var server = await FakeGateServer.StartAsync("404");

        var result = await RunAsync(server, "wait");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("deploy request KB5034441", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Started_PostsToStartedWithBearerToken()
    {
        await using var server = await FakeGateServer.StartAsync("approved");

        var result = await RunAsync(server, "started");

        Assert.True(result.ExitCode == 0, result.ToString());
        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/api/gates/INC-7/KB5034441/started", $"Bearer {FakeGateServer.Token}"), (request.Method, request.Path, request.Authorization));
        Assert.Equal("application/json", request.ContentType);
    }

    [Theory]
    [InlineData("succeeded")]
    [InlineData("failed")]
    public async Task Finished_Result_PostsResultAsJson(string outcome)
    {
        await using var server = await FakeGateServer.StartAsync("approved");

        var result = await RunAsync(server, "finished", outcome);

        Assert.True(result.ExitCode == 0, result.ToString());
        var request = Assert.Single(server.Requests);
        Assert.Equal("/api/gates/INC-7/KB5034441/finished", request.Path);
        Assert.Equal(outcome, (string)JsonNode.Parse(request.Body)!["result"]!);
    }

    [Fact]
    public async Task Finished_UnknownResult_FailsWithUsageAndSendsNothing()
    {
        await using var server = await FakeGateServer.StartAsync("approved");

        var result = await RunAsync(server, "finished", "maybe");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("succeeded|failed", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Wait_IdsWithReservedCharacters_AreEscapedInThePath()
    {
        await using var server = await FakeGateServer.StartAsync("approved");

        await RunAsync(server, "wait", incident: "INC 7/a");

        Assert.Equal("/api/gates/INC%207%2Fa/KB5034441", Assert.Single(server.Requests).Path);
    }

    private static Task<ProcessResult> RunAsync(
        FakeGateServer server, string action, string? argument = null, string token = FakeGateServer.Token,
        string timeoutSeconds = "20", string incident = "INC-7", string? tenant = null, string? artifactFile = null, string? artifactDigest = null,
        Dictionary<string, string>? extra = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["CHATOPS_URL"] = server.BaseUrl + "/",
            ["GATES_TOKEN"] = token,
            ["CHATOPS_INCIDENT"] = incident,
            ["CHATOPS_PATCH_ID"] = "KB5034441",
            ["GATE_TIMEOUT_SECONDS"] = timeoutSeconds,
            ["GATE_POLL_SECONDS"] = "0.1",
        };
        if (tenant is not null)
        {
            environment["CHATOPS_TENANT"] = tenant;
        }

        foreach (var (key, value) in extra ?? [])
        {
            environment[key] = value;
        }

        if (artifactFile is not null)
        {
            environment["CHATOPS_ARTIFACT_FILE"] = artifactFile;
        }

        if (artifactDigest is not null)
        {
            environment["CHATOPS_ARTIFACT_DIGEST"] = artifactDigest;
        }

        string[] arguments = argument is null ? [ScriptPath, action] : [ScriptPath, action, argument];
        return ProcessRunner.RunAsync("bash", arguments, environment, timeout: TimeSpan.FromSeconds(60));
    }

    private static string ScriptPath => RepositoryPaths.Of("infra", "pipelines", "chatops-gate.sh");
}
