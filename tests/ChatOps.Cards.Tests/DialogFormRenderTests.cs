using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Cards.Slack;
using ChatOps.Cards.Teams;
using ChatOps.Cards.Tests.Support;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Tests;

/// <summary>Phase dialog forms: a schema-valid Adaptive Card form on Teams and a Slack modal within Block Kit limits.</summary>
public class DialogFormRenderTests
{
    [Theory]
    [InlineData("dialog-form-assess")]
    [InlineData("dialog-form-assess-errors")]
    [InlineData("dialog-form-checklist")]
    [InlineData("dialog-form-empty")]
    [InlineData("dialog-form-huge")]
    public void RenderDialogModal_EveryForm_IsAValidModalWithOneInputPerField(string sample)
    {
        var view = (DialogFormView)ViewSamples.Get(sample);

        var modal = BlockKitRenderer.RenderDialogModal(view);

        Assert.Empty(BlockKitLimitChecker.CheckModal(modal));
        Assert.Equal(CardVerbs.DialogSubmit, modal["callback_id"]!.GetValue<string>());
        var inputs = modal["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "input").ToList();
        Assert.Equal(view.Fields.Take(inputs.Count).Select(f => f.Id), inputs.Select(i => i!["block_id"]!.GetValue<string>()));
        Assert.All(inputs, i => Assert.Equal(i!["block_id"]!.GetValue<string>(), i["element"]!["action_id"]!.GetValue<string>()));
        Assert.All(inputs, i => Assert.True(i!["optional"]!.GetValue<bool>()));
    }

    [Fact]
    public void RenderDialogModal_CarriesIncidentAndDialog_AndPrefillsValues()
    {
        var modal = BlockKitRenderer.RenderDialogModal(ViewSamples.AssessForm());

        var metadata = JsonSerializer.Deserialize<Dictionary<string, string>>(modal["private_metadata"]!.GetValue<string>())!;
        Assert.Equal(new Dictionary<string, string> { ["incidentId"] = "inc-7", ["dialog"] = "assess" }, metadata);
        var blocks = modal["blocks"]!.AsArray();
        var exposure = blocks.Single(b => b!["block_id"]?.GetValue<string>() == "exposure")!["element"]!;
        Assert.Equal("static_select", exposure["type"]!.GetValue<string>());
        Assert.Equal("unknown", exposure["initial_option"]!["value"]!.GetValue<string>());
        Assert.Equal("TLS termination at risk on all edge proxies",
            blocks.Single(b => b!["block_id"]?.GetValue<string>() == "impact")!["element"]!["initial_value"]!.GetValue<string>());
    }

    [Fact]
    public void RenderDialogModal_Checklist_TicksDoneItems()
    {
        var modal = BlockKitRenderer.RenderDialogModal(ViewSamples.ChecklistForm());

        var elements = modal["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "input").Select(b => b!["element"]!).ToList();
        Assert.All(elements, e => Assert.Equal("checkboxes", e["type"]!.GetValue<string>()));
        Assert.Equal("true", elements[0]["initial_options"]!.AsArray().Single()!["value"]!.GetValue<string>());
        Assert.Null(elements[1]["initial_options"]);
    }

    [Fact]
    public void Render_AssessFormOnTeams_HasTheInputsAndOneExecuteCarryingIncidentAndDialog()
    {
        var card = AdaptiveCardRenderer.Render(ViewSamples.AssessForm());

        var inputs = Inputs(card).ToList();
        Assert.Equal(["Input.Text", "Input.Text", "Input.Text", "Input.ChoiceSet", "Input.Text"], inputs.Select(i => i["type"]!.GetValue<string>()));
        Assert.Equal(["systems", "vulnerabilities", "impact", "exposure", "exposure-details"], inputs.Select(i => i["id"]!.GetValue<string>()));
        var submit = card["actions"]!.AsArray().Single()!;
        Assert.Equal(("Action.Execute", CardVerbs.DialogSubmit), (submit["type"]!.GetValue<string>(), submit["verb"]!.GetValue<string>()));
        Assert.Equal("assess", submit["data"]!["dialog"]!.GetValue<string>());
        Assert.Equal("inc-7", submit["data"]!["incidentId"]!.GetValue<string>());
    }

    [Fact]
    public void Render_FormWithErrorsOnTeams_ShowsTheErrorUnderItsFieldAndKeepsTheTypedValue()
    {
        var card = AdaptiveCardRenderer.Render(ViewSamples.AssessForm(errors: true));

        var body = card["body"]!.AsArray().Select(e => e!).ToList();
        var systems = body.FindIndex(e => e["id"]?.GetValue<string>() == "systems");
        Assert.Equal("edge01 urgent", body[systems]["value"]!.GetValue<string>());
        Assert.Contains("could not read", body[systems + 1]["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("attention", body[systems + 1]["color"]!.GetValue<string>());
    }

    [Fact]
    public void Render_ChecklistFormOnTeams_IsTogglesWithTheirState()
    {
        var card = AdaptiveCardRenderer.Render(ViewSamples.ChecklistForm());

        var toggles = Inputs(card).ToList();
        Assert.All(toggles, t => Assert.Equal("Input.Toggle", t["type"]!.GetValue<string>()));
        Assert.Equal(["true", "false"], toggles.Select(t => t["value"]!.GetValue<string>()));
    }

    [Fact]
    public void Render_Question_HasAnOpenFormButtonOnBothChannels()
    {
        var card = AdaptiveCardRenderer.Render(ViewSamples.Question());
        var message = BlockKitRenderer.Render(ViewSamples.Question());

        Assert.Equal(CardVerbs.DialogForm, card["actions"]!.AsArray().Single()!["verb"]!.GetValue<string>());
        var button = message.Blocks.Single(b => b!["type"]!.GetValue<string>() == "actions")!["elements"]!.AsArray().Single()!;
        Assert.Equal(CardVerbs.DialogForm, button["action_id"]!.GetValue<string>());
        Assert.Equal("assess", JsonSerializer.Deserialize<Dictionary<string, string>>(button["value"]!.GetValue<string>())!["dialog"]);
    }

    private static IEnumerable<JsonNode> Inputs(JsonObject card) =>
        card["body"]!.AsArray().Select(e => e!).Where(e => e["type"]!.GetValue<string>().StartsWith("Input.", StringComparison.Ordinal));
}
