using System.Text.Json.Nodes;
using ChatOps.Cards.Teams;
using ChatOps.Cards.Teams.Model;
using ChatOps.Cards.Tests.Support;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Tests;

public class AdaptiveCardRendererTests
{
    public static TheoryData<string> Samples => ViewSamples.Names();

    [Theory]
    [MemberData(nameof(Samples))]
    public void Render_EveryView_IsValidAdaptiveCard15(string sample)
    {
        var card = AdaptiveCardRenderer.Render(ViewSamples.Get(sample));

        AdaptiveCardSchema.AssertValid(card, sample);
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Render_EveryViewForAnApprover_IsValidAdaptiveCard15(string sample)
    {
        var card = AdaptiveCardRenderer.Render(ViewSamples.Get(sample), new RenderOptions(ViewSamples.Approvers[0]));

        AdaptiveCardSchema.AssertValid(card, sample);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Render_EveryView_StaysUnderTeamsSizeLimit(string sample)
    {
        var card = AdaptiveCardRenderer.Render(ViewSamples.Get(sample), new RenderOptions(ViewSamples.Approvers[0]));

        Assert.InRange(AdaptiveCardSerializer.ByteSize(card), 1, TeamsLimits.MaxCardBytes);
    }

    [Theory]
    [InlineData("checklist-huge", "more items not shown")]
    [InlineData("patch-matrix-200-systems", "more systems not shown")]
    [InlineData("approval-huge", "more systems not shown")]
    [InlineData("decision-log-huge", "more entries on this page not shown")]
    public void Render_ListTooLongForTeams_SaysHowManyMoreWithEllipsis(string sample, string note)
    {
        var json = JsonText.Readable(AdaptiveCardRenderer.Render(ViewSamples.Get(sample)));

        Assert.Contains("… and ", json, StringComparison.Ordinal);
        Assert.Contains(note, json, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileText_CannotFormLinksOrCardFunctions()
    {
        var card = AdaptiveCardRenderer.Render(new TextView(ViewSamples.Hostile));

        var text = card["body"]![0]!["text"]!.GetValue<string>();
        Assert.DoesNotContain("[x](http://evil)", text, StringComparison.Ordinal);
        Assert.Contains(@"\[x\](http://evil)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{DATE", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0000', text);
        Assert.DoesNotContain('\u202E', text);
        Assert.Contains("\\*\\*bold\\*\\*", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Checklist_EachItemTogglesWithIncidentItemAndVersion()
    {
        var card = AdaptiveCardRenderer.Render(ViewSamples.Checklist());

        var actions = EmittedActions(card).ToList();
        Assert.Equal(3, actions.Count);
        Assert.All(actions, a => Assert.Equal(CardVerbs.ChecklistToggle, a["verb"]!.GetValue<string>()));
        var second = actions[1]["data"]!.AsObject();
        Assert.Equal("inc-7", second["incidentId"]!.GetValue<string>());
        Assert.Equal("c-2", second["itemId"]!.GetValue<string>());
        Assert.Equal("12", second["version"]!.GetValue<string>());
        Assert.Equal("Reopen", actions[0]["title"]!.GetValue<string>());
    }

    [Fact]
    public void Render_StatusUpdate_HasAcknowledgeWithIncidentAndNotice()
    {
        var card = AdaptiveCardRenderer.Render(ViewSamples.Update(NoticeAudience.Users));

        var ack = Assert.Single(EmittedActions(card));
        Assert.Equal(CardVerbs.NoticeAck, ack["verb"]!.GetValue<string>());
        Assert.Equal("""{"incidentId":"inc-7","noticeId":"ntc-2"}""", JsonText.Readable(ack["data"]!));
    }

    [Theory]
    [InlineData(NoticeAudience.It, "edge-proxy-01", "Impact")]
    [InlineData(NoticeAudience.Management, "Customer portal may be slow", "edge-proxy-01")]
    [InlineData(NoticeAudience.Users, "sign in to the portal again", "Customer portal may be slow")]
    public void Render_StatusUpdate_UsesTheAudiencesTemplate(NoticeAudience audience, string shown, string hidden)
    {
        var json = JsonText.Readable(AdaptiveCardRenderer.Render(ViewSamples.Update(audience)));

        Assert.Contains(shown, json, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden, json, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DecisionLogMiddlePage_HasPreviousAndNextPages()
    {
        var card = AdaptiveCardRenderer.Render(ViewSamples.Log());

        var pages = EmittedActions(card).Select(a => (a["verb"]!.GetValue<string>(), a["data"]!["page"]!.GetValue<string>())).ToList();
        Assert.Equal([(CardVerbs.LogPage, "1"), (CardVerbs.LogPage, "3")], pages);
    }

    [Fact]
    public void Render_PatchMatrix_ListsFailuresFirst()
    {
        var card = AdaptiveCardRenderer.Render(ViewSamples.Matrix());

        var json = JsonText.Readable(card);
        Assert.True(json.IndexOf("edge-proxy-02", StringComparison.Ordinal) < json.IndexOf("edge-proxy-01", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_PatchMatrixRowWithWrongStateCount_ThrowsClearError()
    {
        var view = new PatchMatrixView("INC-1", ["KB1", "KB2"], [new PatchMatrixRow("srv-1", [PatchCellState.Pending])]);

        var error = Assert.Throws<ArgumentException>(() => AdaptiveCardRenderer.Render(view));

        Assert.Contains("srv-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithoutOptions_SameAsDefaultOptions()
    {
        var view = ViewSamples.Approval();

        Assert.True(JsonNode.DeepEquals(AdaptiveCardRenderer.Render(view), AdaptiveCardRenderer.Render(view, RenderOptions.Default)));
    }

    [Fact]
    public void Render_UnknownViewType_FallsBackToItsText()
    {
        var card = AdaptiveCardRenderer.Render(new FutureView());

        AdaptiveCardSchema.AssertValid(card, "fallback");
        Assert.Contains("future text", JsonText.Readable(card), StringComparison.Ordinal);
    }

    internal static IEnumerable<JsonObject> EmittedActions(JsonNode card) =>
        Flatten(card).Where(o => o["type"]?.GetValue<string>() == "Action.Execute" && !ReferenceEquals(o, card["refresh"]?["action"]));

    private static IEnumerable<JsonObject> Flatten(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.SelectMany(p => Flatten(p.Value))),
        JsonArray a => a.SelectMany(Flatten),
        _ => [],
    };

    private sealed record FutureView : View
    {
        public override string FallbackText => "future text";
    }
}
