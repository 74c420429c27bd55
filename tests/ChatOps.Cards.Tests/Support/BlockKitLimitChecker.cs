using System.Text.Json.Nodes;

namespace ChatOps.Cards.Tests.Support;

/// <summary>
/// Checks Block Kit JSON against Slack's documented limits (docs.slack.dev/reference/block-kit; the validators in
/// python-slack-sdk slack_sdk/models/blocks), plus our own safety rules: mrkdwn is verbatim and carries no raw
/// &lt; or &gt; (so no user text became a mention or link).
/// </summary>
internal static class BlockKitLimitChecker
{
    private static readonly HashSet<string> KnownBlocks = ["header", "section", "context", "divider", "actions", "input"];

    public static IReadOnlyList<string> CheckMessage(string text, JsonArray blocks)
    {
        var errors = new List<string>();
        if (text.Length is 0 or > 40_000)
        {
            errors.Add($"message text length {text.Length}");
        }

        CheckRawAngles(text, "text", errors);
        CheckBlocks(blocks, 50, errors);
        return errors;
    }

    public static IReadOnlyList<string> CheckModal(JsonObject modal)
    {
        var errors = new List<string>();
        Expect(modal["type"]?.GetValue<string>() == "modal", "modal type", errors);
        Expect(modal["callback_id"]?.GetValue<string>() is { Length: > 0 and <= 255 }, "modal callback_id", errors);
        foreach (var key in new[] { "title", "submit", "close" })
        {
            if (modal[key] is JsonObject t)
            {
                CheckText(t, $"modal.{key}", 24, errors, plainOnly: true);
            }
        }

        Expect(modal["title"] is not null, "modal title required", errors);
        Expect((modal["private_metadata"]?.GetValue<string>().Length ?? 0) <= 3000, "private_metadata <= 3000", errors);
        CheckBlocks(modal["blocks"]!.AsArray(), 100, errors);
        return errors;
    }

    private static void CheckBlocks(JsonArray blocks, int maxBlocks, List<string> errors)
    {
        Expect(blocks.Count <= maxBlocks, $"{blocks.Count} blocks > {maxBlocks}", errors);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i]!.AsObject();
            var type = block["type"]?.GetValue<string>() ?? "?";
            var at = $"blocks[{i}]({type})";
            Expect(KnownBlocks.Contains(type), $"{at} unknown block type", errors);
            Expect((block["block_id"]?.GetValue<string>().Length ?? 0) <= 255, $"{at} block_id > 255", errors);
            switch (type)
            {
                case "header":
                    CheckText(block["text"]!.AsObject(), at, 150, errors, plainOnly: true);
                    break;
                case "section":
                    CheckSection(block, at, errors);
                    break;
                case "context":
                    var elements = block["elements"]!.AsArray();
                    Expect(elements.Count is > 0 and <= 10, $"{at} context elements {elements.Count}", errors);
                    foreach (var element in elements)
                    {
                        CheckText(element!.AsObject(), at, 3000, errors);
                    }

                    break;
                case "actions":
                    var actions = block["elements"]!.AsArray();
                    Expect(actions.Count is > 0 and <= 25, $"{at} actions elements {actions.Count}", errors);
                    var ids = actions.Select(a => a!["action_id"]?.GetValue<string>()).ToList();
                    Expect(ids.Distinct().Count() == ids.Count, $"{at} duplicate action_id in one block", errors);
                    foreach (var action in actions)
                    {
                        CheckElement(action!.AsObject(), at, errors);
                    }

                    break;
                case "input":
                    CheckText(block["label"]!.AsObject(), at + ".label", 2000, errors, plainOnly: true);
                    CheckElement(block["element"]!.AsObject(), at, errors);
                    break;
            }
        }
    }

    private static void CheckSection(JsonObject block, string at, List<string> errors)
    {
        var fields = block["fields"]?.AsArray();
        Expect(block["text"] is not null || fields is not null, $"{at} section needs text or fields", errors);
        if (block["text"] is JsonObject text)
        {
            CheckText(text, at, 3000, errors);
        }

        if (fields is not null)
        {
            Expect(fields.Count is > 0 and <= 10, $"{at} {fields.Count} fields", errors);
            foreach (var field in fields)
            {
                CheckText(field!.AsObject(), at + ".field", 2000, errors);
            }
        }

        if (block["accessory"] is JsonObject accessory)
        {
            CheckElement(accessory, at + ".accessory", errors);
        }
    }

    private static void CheckElement(JsonObject element, string at, List<string> errors)
    {
        var type = element["type"]?.GetValue<string>();
        var actionId = element["action_id"]?.GetValue<string>();
        Expect(actionId is { Length: > 0 and <= 255 }, $"{at} action_id", errors);
        if (type == "button")
        {
            CheckText(element["text"]!.AsObject(), at + ".button", 75, errors, plainOnly: true);
            Expect((element["value"]?.GetValue<string>().Length ?? 0) <= 2000, $"{at} button value > 2000", errors);
        }
        else if (type is "static_select" or "checkboxes")
        {
            // Options: plain_text up to 75 characters, value up to 150; static_select up to 100 options, checkboxes 10.
            var options = element["options"]!.AsArray();
            Expect(options.Count is > 0 && options.Count <= (type == "checkboxes" ? 10 : 100), $"{at} {type} options {options.Count}", errors);
            foreach (var option in options)
            {
                CheckText(option!["text"]!.AsObject(), at + ".option", 75, errors, plainOnly: type == "static_select");
                Expect(option["value"]?.GetValue<string>() is { Length: > 0 and <= 150 }, $"{at} option value", errors);
            }
        }
        else
        {
            Expect(type == "plain_text_input", $"{at} unexpected element {type}", errors);
            Expect((element["initial_value"]?.GetValue<string>().Length ?? 0) <= 3000, $"{at} initial_value > 3000", errors);
        }
    }

    private static void CheckText(JsonObject text, string at, int max, List<string> errors, bool plainOnly = false)
    {
        var type = text["type"]?.GetValue<string>();
        var value = text["text"]?.GetValue<string>() ?? string.Empty;
        Expect(type is "plain_text" or "mrkdwn", $"{at} text type {type}", errors);
        Expect(!plainOnly || type == "plain_text", $"{at} must be plain_text", errors);
        Expect(value.Length is > 0 && value.Length <= max, $"{at} text length {value.Length} (max {max})", errors);
        Expect(!string.IsNullOrWhiteSpace(value), $"{at} blank text", errors);
        if (type == "mrkdwn")
        {
            Expect(text["verbatim"]?.GetValue<bool>() == true, $"{at} mrkdwn not verbatim", errors);
            CheckRawAngles(value, at, errors);
        }
    }

    // The one raw form allowed is a user mention the bot made on purpose (a TextView's Mention, e.g. the comms reminder):
    // user text can never produce it, because its < and > are escaped.
    private static void CheckRawAngles(string value, string at, List<string> errors)
    {
        var rest = System.Text.RegularExpressions.Regex.Replace(value, "<@[A-Z0-9]+>", "");
        Expect(!rest.Contains('<', StringComparison.Ordinal) && !rest.Contains('>', StringComparison.Ordinal), $"{at} raw < or > in mrkdwn: {value[..Math.Min(80, value.Length)]}", errors);
    }

    private static void Expect(bool condition, string message, List<string> errors)
    {
        if (!condition)
        {
            errors.Add(message);
        }
    }
}
