using YamlDotNet.RepresentationModel;

namespace ChatOps.Infra.Tests.Pipelines;

/// <summary>The pipeline examples wait on the gate before deploying and report the outcome after.</summary>
public class PipelineExampleTests
{
    [Fact]
    public void GitHubWorkflow_Steps_WaitThenStartThenDeployThenFinish()
    {
        var steps = YamlFile.Load("infra", "pipelines", "github", "deploy-with-chatops-gate.yml").Items("jobs", "deploy", "steps");

        var order = new[] { "chatops-gate.sh wait", "chatops-gate.sh started", "./deploy.sh", "chatops-gate.sh finished" }
            .Select(command => IndexOfRun(steps, command)).ToList();

        Assert.All(order, index => Assert.True(index >= 0));
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void GitHubWorkflow_Finish_RunsEvenWhenDeployFailedAndReportsOutcome()
    {
        var steps = YamlFile.Load("infra", "pipelines", "github", "deploy-with-chatops-gate.yml").Items("jobs", "deploy", "steps");

        var finish = steps[IndexOfRun(steps, "chatops-gate.sh finished")];

        Assert.Contains("always()", finish.Text("if"), StringComparison.Ordinal);
        Assert.Equal("${{ steps.deploy.outcome == 'success' && 'succeeded' || 'failed' }}", finish.Text("env", "RESULT"));
    }

    [Fact]
    public void GitHubWorkflow_Token_ComesFromSecretsAndInputsFromEnvironment()
    {
        var job = YamlFile.Load("infra", "pipelines", "github", "deploy-with-chatops-gate.yml").At("jobs", "deploy");

        Assert.Equal("${{ secrets.CHATOPS_GATES_TOKEN }}", job.Text("env", "GATES_TOKEN"));
        Assert.Equal("${{ inputs.incident }}", job.Text("env", "CHATOPS_INCIDENT"));
        Assert.Equal("${{ inputs.patch_id }}", job.Text("env", "CHATOPS_PATCH_ID"));
    }

    [Fact]
    public void GitHubWorkflow_Artifact_IsNamedForTheGateToCheck()
    {
        var job = YamlFile.Load("infra", "pipelines", "github", "deploy-with-chatops-gate.yml").At("jobs", "deploy");

        Assert.Equal("dist/app.zip", job.Text("env", "CHATOPS_ARTIFACT_FILE"));
    }

    [Fact]
    public void AzurePipeline_WaitAndStart_NameTheArtifactForTheGateToCheck()
    {
        var steps = AzureSteps();

        var gated = new[] { "chatops-gate.sh wait", "chatops-gate.sh started" }.Select(command => steps[IndexOfBash(steps, command)]);

        Assert.All(gated, step => Assert.Equal("$(Build.ArtifactStagingDirectory)/app.zip", step.Text("env", "CHATOPS_ARTIFACT_FILE")));
    }

    [Fact]
    public void AzurePipeline_Steps_WaitThenStartThenDeployThenFinish()
    {
        var steps = AzureSteps();

        var order = new[] { "chatops-gate.sh wait", "chatops-gate.sh started", "./deploy.sh", "chatops-gate.sh finished succeeded" }
            .Select(command => IndexOfBash(steps, command)).ToList();

        Assert.All(order, index => Assert.True(index >= 0));
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void AzurePipeline_FailedDeployment_IsReportedOnlyAfterStartWasRecorded()
    {
        var steps = AzureSteps();

        var failed = steps[IndexOfBash(steps, "chatops-gate.sh finished failed")];

        Assert.Equal("and(failed(), eq(variables['chatopsStarted'], 'true'))", failed.Text("condition"));
        Assert.Contains("task.setvariable variable=chatopsStarted]true", steps[IndexOfBash(steps, "chatops-gate.sh started")].Text("bash"), StringComparison.Ordinal);
    }

    [Fact]
    public void AzurePipeline_EveryGateStep_MapsTheSecretToken()
    {
        var gateSteps = AzureSteps()
            .Where(step => ((YamlMappingNode)step).Children.ContainsKey(new YamlScalarNode("bash")))
            .Where(step => step.Text("bash").Contains("chatops-gate.sh", StringComparison.Ordinal)).ToList();

        Assert.Equal(4, gateSteps.Count);
        Assert.All(gateSteps, step => Assert.Equal("$(GATES_TOKEN)", step.Text("env", "GATES_TOKEN")));
    }

    private static IReadOnlyList<YamlNode> AzureSteps()
    {
        var pipeline = YamlFile.Load("infra", "pipelines", "azure", "deploy-with-chatops-gate.yml");
        var job = Assert.Single(Assert.Single(pipeline.Items("stages")).Items("jobs"));
        return job.Items("steps");
    }

    private static int IndexOfRun(IReadOnlyList<YamlNode> steps, string command) => IndexOf(steps, "run", command);

    private static int IndexOfBash(IReadOnlyList<YamlNode> steps, string command) => IndexOf(steps, "bash", command);

    private static int IndexOf(IReadOnlyList<YamlNode> steps, string key, string command)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var mapping = (YamlMappingNode)steps[i];
            if (mapping.Children.TryGetValue(new YamlScalarNode(key), out var run)
                && ((YamlScalarNode)run).Value!.Contains(command, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
