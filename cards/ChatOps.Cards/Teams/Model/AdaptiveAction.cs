using System.Text.Json.Serialization;

namespace ChatOps.Cards.Teams.Model;

/// <summary>A button (schema <c>ImplementationsOf.Action</c>).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
public abstract record AdaptiveAction
{
    public string? Title { get; init; }

    public string? Id { get; init; }

    public ActionStyle? Style { get; init; }

    public string? Tooltip { get; init; }
}
