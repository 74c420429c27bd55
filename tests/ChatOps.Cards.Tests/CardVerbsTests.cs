using ChatOps.Cards.Slack;
using ChatOps.Cards.Teams;
using ChatOps.Cards.Tests.Support;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Tests;

/// <summary>Lint: every verb a card can send back is declared in CardVerbs (where the handlers are checked), and none is stale.</summary>
public class CardVerbsTests
{
    private static IEnumerable<string> EmittedByEveryCard()
    {
        foreach (var (_, view) in ViewSamples.All())
        {
            foreach (var verb in EmittedVerbs.InAdaptiveCard(AdaptiveCardRenderer.Render(view)))
            {
                yield return verb;
            }

            foreach (var verb in EmittedVerbs.InAdaptiveCard(AdaptiveCardRenderer.Render(view, new RenderOptions(ViewSamples.Approvers[0]))))
            {
                yield return verb;
            }

            foreach (var verb in EmittedVerbs.InBlockKit(BlockKitRenderer.Render(view).Blocks))
            {
                yield return verb;
            }

            if (view is ApprovalRequestView approval)
            {
                foreach (var verb in EmittedVerbs.InBlockKit(BlockKitRenderer.RenderRejectModal(approval)))
                {
                    yield return verb;
                }
            }
        }
    }

    [Fact]
    public void Render_EveryCard_EmitsOnlyVerbsListedInCardVerbs()
    {
        var emitted = EmittedByEveryCard().Distinct().ToList();

        Assert.All(emitted, verb => Assert.Contains(verb, CardVerbs.All));
    }

    [Fact]
    public void CardVerbs_EveryVerb_IsEmittedBySomeCard()
    {
        var emitted = EmittedByEveryCard().ToHashSet();

        Assert.All(CardVerbs.All, verb => Assert.Contains(verb, emitted));
    }

    [Fact]
    public void CardVerbs_All_ListsEveryConstant()
    {
        var constants = typeof(CardVerbs).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(constants.Order(StringComparer.Ordinal), CardVerbs.All.Order(StringComparer.Ordinal));
    }
}
