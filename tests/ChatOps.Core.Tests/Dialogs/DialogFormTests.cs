using ChatOps.Core.Commands;
using ChatOps.Core.Dialogs;
using ChatOps.Core.Incidents;
using ChatOps.Core.Views;
using ChatOps.Testing;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Dialogs;

/// <summary>Phase dialogs filled in as one form: same rules as the chat dialog, errors per field, the actor from the channel.</summary>
public sealed class DialogFormTests : IDisposable
{
    private const string Id = "INC-2026-0001";
    private const string Critical = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    private readonly WorkflowHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static Dictionary<string, string> Data(string dialog, params (string Key, string Value)[] values)
    {
        var data = new Dictionary<string, string> { [CardDataKeys.IncidentId] = Id, [CardDataKeys.Dialog] = dialog };
        foreach (var (key, value) in values)
        {
            data[key] = value;
        }

        return data;
    }

    private async Task<Incident> Incident() => (await _h.Storage.Incidents.GetAsync(Tenant, Id))!.Incident;

    private async Task<int> RecordCount() => (await _h.Storage.Incidents.GetDecisionsAsync(Tenant, Id)).Count;

    [Fact]
    public async Task Assess_QuestionCarriesTheOpenFormButton_AndTheFormHasEveryField()
    {
        await _h.SayAsync("declare \"Citrix\"");

        var question = await _h.SayAsync("assess");
        var opened = await _h.ClickAsync(CardVerbs.DialogForm, Data("assess"), Bob);

        var view = Assert.IsType<DialogQuestionView>(question.Replies.Single().View);
        Assert.Equal(("assess", Id), (view.Dialog, view.IncidentId));
        var reply = Assert.Single(opened.Replies);
        Assert.Equal(ReplyMode.Form, reply.Mode);
        var form = Assert.IsType<DialogFormView>(reply.View);
        Assert.Equal([AssessDialog.SystemsField, AssessDialog.VulnerabilitiesField, AssessDialog.ImpactField, AssessDialog.ExposureField, AssessDialog.ExposureDetailsField],
            form.Fields.Select(f => f.Id));
        Assert.False(form.HasErrors);
    }

    [Fact]
    public async Task Assess_WrongFields_ComeBackWithTheirErrorsAndTypedValues_AndNothingIsRecorded()
    {
        await _h.SayAsync("declare \"Citrix\"");
        var before = await RecordCount();

        var result = await _h.ClickAsync(CardVerbs.DialogSubmit, Data("assess",
            (AssessDialog.SystemsField, "web01 high @29:dan\nweb02 urgent"),
            (AssessDialog.VulnerabilitiesField, "CVE-2023-4966 CVSS:3.1/AV:N"),
            (AssessDialog.ImpactField, "VPN down"),
            (AssessDialog.ExposureField, "perhaps")));

        var form = Assert.IsType<DialogFormView>(Assert.Single(result.Replies).View);
        Assert.Equal(ReplyMode.Form, result.Replies[0].Mode);
        var errors = form.Fields.Where(f => f.Error is not null).ToDictionary(f => f.Id, f => f.Error!);
        Assert.Equal([AssessDialog.ExposureField, AssessDialog.SystemsField, AssessDialog.VulnerabilitiesField], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("web02 urgent", errors[AssessDialog.SystemsField], StringComparison.Ordinal);
        Assert.Contains("CVE-2023-4966", errors[AssessDialog.VulnerabilitiesField], StringComparison.Ordinal);
        Assert.Null(form.Fields.Single(f => f.Id == AssessDialog.ImpactField).Error);
        Assert.Equal("VPN down", form.Fields.Single(f => f.Id == AssessDialog.ImpactField).Value);
        Assert.Equal(before, await RecordCount());
        Assert.Empty((await Incident()).Systems);
    }

    [Fact]
    public async Task Assess_ValidForm_RecordsEverythingAsTheAuthenticatedActor_AndComputesThePriorityWithTheNewFacts()
    {
        await _h.SayAsync("declare \"Citrix\"");
        await _h.SayAsync("assess");
        var before = await RecordCount();

        // The card data claims to be Mallory: card data is never identity.
        var result = await _h.ClickAsync(CardVerbs.DialogSubmit, Data("assess",
            (AssessDialog.SystemsField, "netscaler01 high @29:dan\nvpn02 low"),
            (AssessDialog.VulnerabilitiesField, $"CVE-2023-4966 {Critical} exploited"),
            (AssessDialog.ImpactField, "Remote access down for 3,000 staff"),
            (AssessDialog.ExposureField, "yes"),
            (AssessDialog.ExposureDetailsField, "session tokens"),
            ("actor", "29:mallory"), ("userId", "29:mallory")), Bob);

        Assert.Equal(ReplyMode.UpdateCard, result.Replies[0].Mode);
        Assert.Contains("priority P1", Text(result), StringComparison.Ordinal);
        Assert.Contains("submitted by Bob", Text(result), StringComparison.Ordinal);
        var incident = await Incident();
        Assert.Equal(["netscaler01", "vpn02"], incident.Systems.Select(s => s.Name));
        Assert.Equal(9.8, incident.Vulnerabilities.Single().BaseScore);
        Assert.Equal(("P1", "yes — session tokens"), (incident.Priority, incident.DataExposure));
        var records = (await _h.Storage.Incidents.GetDecisionsAsync(Tenant, Id)).Skip(before).ToList();
        // The assessment also ticks the three assess items it completes, in the same change and by the same person.
        Assert.Equal(["system.added", "system.added", "vulnerability.added", "impact.assessed", "checklist.toggled", "checklist.toggled", "checklist.toggled"], records.Select(r => r.Kind));
        Assert.All(incident.Checklists[Phase.Assess], i => Assert.Equal(("29:bob", true), (i.DoneBy?.UserId, i.Done)));
        Assert.All(records, r => Assert.Equal("29:bob", r.Actor.UserId));
        // The form answered the dialog: nothing is left waiting in the channel.
        Assert.Null(await _h.Storage.Dialogs.GetAsync(Channel));
    }

    [Fact]
    public async Task Checklist_TogglesOnlyWhatChanged_TicksAndUnticks()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("phase contain --skip \"not under test here\"");
        var form = Assert.IsType<DialogFormView>((await _h.ClickAsync(CardVerbs.DialogForm, Data("checklist:contain"))).Replies[0].View);

        var first = await _h.ClickAsync(CardVerbs.DialogSubmit, Data("checklist:contain", ("item.isolate", "true"), ("item.accounts", "false"), ("item.access", "true")), Bob);
        var second = await _h.ClickAsync(CardVerbs.DialogSubmit, Data("checklist:contain", ("item.isolate", "false"), ("item.access", "true")));

        Assert.Equal(["item.isolate", "item.accounts", "item.access", "item.evidence"], form.Fields.Select(f => f.Id));
        Assert.All(form.Fields, f => Assert.Equal(FormFieldKind.Toggle, f.Kind));
        Assert.Contains("2 change(s) recorded, 2/4 done", Text(first), StringComparison.Ordinal);
        Assert.IsType<ChecklistView>(first.Replies[1].View);
        Assert.Contains("1 change(s) recorded, 1/4 done", Text(second), StringComparison.Ordinal);
        var items = (await Incident()).Checklists[Phase.Contain];
        Assert.Equal([false, false, true, false], items.Select(i => i.Done));
        Assert.Equal("Bob", items[2].DoneBy?.DisplayName);
        Assert.Null(await _h.Storage.Dialogs.GetAsync(Channel));
    }

    [Theory]
    [InlineData("test")]
    [InlineData("implement")]
    [InlineData("communicate")]
    [InlineData("document")]
    public async Task EveryChecklistPhase_HasAForm(string phase)
    {
        await _h.SayAsync("declare \"x\"");
        var question = await _h.SayAsync($"phase {phase} --skip \"not under test here\"");
        var dialog = question.Replies.Select(r => r.View).OfType<DialogQuestionView>().Single().Dialog;

        var form = Assert.IsType<DialogFormView>((await _h.ClickAsync(CardVerbs.DialogForm, Data(dialog))).Replies[0].View);
        var first = form.Fields[0].Id;
        await _h.ClickAsync(CardVerbs.DialogSubmit, Data(dialog, (first, "true")));

        Assert.Equal("checklist:" + phase, dialog);
        Assert.True((await Incident()).Checklists[Enum.Parse<Phase>(phase, ignoreCase: true)][0].Done);
    }

    [Fact]
    public async Task Review_ActionItemInThePast_IsAFieldError_ValidReviewIsRecorded()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("phase review --skip \"not under test here\"");
        await _h.SayAsync("cancel");

        var bad = await _h.ClickAsync(CardVerbs.DialogSubmit, Data("review",
            ("went-well", "Fast containment"), (ReviewDialog.ActionItemsQuestion, "owner @29:dan, due 2020-01-01, rotate keys")));
        var good = await _h.ClickAsync(CardVerbs.DialogSubmit, Data("review",
            ("went-well", "Fast containment"), ("went-badly", "Slow approvals"), ("root-cause", "Unpatched appliance"),
            ("lessons", "Patch edge devices first"), (ReviewDialog.ActionItemsQuestion, "owner @29:dan, due 2026-12-15, rotate keys"), ("policies", "none")), Bob);

        var form = Assert.IsType<DialogFormView>(bad.Replies[0].View);
        Assert.Contains("in the past", form.Fields.Single(f => f.Id == ReviewDialog.ActionItemsQuestion).Error, StringComparison.Ordinal);
        Assert.Contains("Review recorded", Text(good), StringComparison.Ordinal);
        var incident = await Incident();
        Assert.Equal("Slow approvals", incident.ReviewAnswerTo("went-badly")?.Answer);
        Assert.Equal(("29:dan", new DateOnly(2026, 12, 15)), (incident.ActionItems.Single().Owner.UserId, incident.ActionItems.Single().Due));
    }

    [Fact]
    public async Task Form_ForAnotherIncidentOrAnUnknownDialog_IsRefused()
    {
        await _h.SayAsync("declare \"x\"");

        var other = await _h.ClickAsync(CardVerbs.DialogSubmit, new Dictionary<string, string> { [CardDataKeys.IncidentId] = "INC-2026-0099", [CardDataKeys.Dialog] = "assess" });
        var unknown = await _h.ClickAsync(CardVerbs.DialogForm, Data("no-such-dialog"));

        Assert.True(IsError(other));
        Assert.Contains("not active in this conversation", Text(other), StringComparison.Ordinal);
        Assert.True(IsError(unknown));
    }
}
