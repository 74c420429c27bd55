using System.Text.Json.Serialization;

namespace ChatOps.Cards.Slack.Model;

/// <summary>Button colour; omit for the default style.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ButtonStyle>))]
public enum ButtonStyle
{
    [JsonStringEnumMemberName("primary")]
    Primary,

    [JsonStringEnumMemberName("danger")]
    Danger,
}
