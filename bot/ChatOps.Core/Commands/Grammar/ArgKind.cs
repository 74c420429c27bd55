namespace ChatOps.Core.Commands.Grammar;

/// <summary>What an argument or flag value must look like.</summary>
public enum ArgKind
{
    /// <summary>One word (no spaces), e.g. a patch id or system name.</summary>
    Word,

    /// <summary>Free text, usually quoted.</summary>
    Text,

    /// <summary>One of a fixed list of words.</summary>
    Choice,

    /// <summary>A person: <c>@user</c> (a Teams or Slack mention).</summary>
    User,

    /// <summary>A comma-separated list of words.</summary>
    List,

    /// <summary>An absolute http(s) URL.</summary>
    Url,

    /// <summary>A CVE id such as CVE-2024-3400.</summary>
    Cve,

    /// <summary>A CVSS v3.1 vector string.</summary>
    Cvss,

    /// <summary>A maintenance window: ISO-8601 start / duration, e.g. 2026-11-28T22:00Z/PT2H.</summary>
    Window,

    /// <summary>A flag without a value.</summary>
    Switch,
}
