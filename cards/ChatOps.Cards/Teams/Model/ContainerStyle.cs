using System.Text.Json.Serialization;

namespace ChatOps.Cards.Teams.Model;

/// <summary>Container style.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ContainerStyle>))]
public enum ContainerStyle
{
    Default,
    Emphasis,
    Good,
    Attention,
    Warning,
    Accent,
}
