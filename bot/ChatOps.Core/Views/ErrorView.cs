namespace ChatOps.Core.Views;

/// <summary>
/// Something the user can act on went wrong: what was wrong and, for a bad command, the right form.
/// Never carries a stack trace or a secret.
/// </summary>
/// <param name="Message">What was wrong, in the user's words.</param>
/// <param name="Usage">The correct form of the command, when the error is about its shape.</param>
public sealed record ErrorView(string Message, string? Usage = null) : View
{
    public override string FallbackText => Usage is null ? Message : $"{Message}\nUsage: {Usage}";
}
