namespace ChatOps.Cards.Slack;

/// <summary>
/// Block Kit limits (docs.slack.dev/reference/block-kit; python-slack-sdk validators). Cards stay within them
/// by cutting text with "…" and listing only as many items as fit.
/// </summary>
public static class SlackLimits
{
    public const int MessageBlocks = 50;
    public const int ModalBlocks = 100;
    public const int SectionText = 3000;
    public const int SectionFields = 10;
    public const int FieldText = 2000;
    public const int HeaderText = 150;
    public const int ContextElements = 10;
    public const int ActionsElements = 25;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int ActionId = 255;
    public const int BlockId = 255;
    public const int ModalTitle = 24;
    public const int PrivateMetadata = 3000;
    public const int InputLabel = 2000;

    /// <summary>python-slack-sdk: Slack truncates message <c>text</c> beyond 40,000 characters; we stay well below.</summary>
    public const int FallbackText = 3000;
}
