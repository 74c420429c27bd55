namespace ChatOps.Bot.Console;

/// <summary>The <c>error</c> of an <see cref="ErrorBody"/>.</summary>
internal sealed record ErrorDetail(string Code, string Message);
