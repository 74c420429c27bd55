namespace ChatOps.Bot.Console;

/// <summary>The connector's error shape (<c>ErrorResponse</c>: <c>{"error":{"code","message"}}</c>).</summary>
internal sealed record ErrorBody(ErrorDetail Error)
{
    public static ErrorBody Of(string code, string message) => new(new ErrorDetail(code, message));
}
