using System.Text.Json.Serialization;

namespace ChatOps.Cards.Teams.Model;

/// <summary>Action button style.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ActionStyle>))]
public enum ActionStyle
{
    Default,
    Positive,
    Destructive,
}
