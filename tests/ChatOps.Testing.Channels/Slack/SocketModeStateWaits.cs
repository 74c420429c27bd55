using ChatOps.Slack.SocketMode;

namespace ChatOps.Testing.Channels.Slack;

public static class SocketModeStateWaits
{
    /// <summary>
    /// Returns once <paramref name="state"/> satisfies <paramref name="condition"/>, checked now and at each change
    /// (<see cref="SocketModeState.NextChange"/>); the timeout (30 s unless given) only guards against a hang.
    /// </summary>
    public static async Task WaitUntilAsync(this SocketModeState state, Func<SocketModeState, bool> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(condition);
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var next = state.NextChange;
            if (condition(state))
            {
                return;
            }

            await next.WaitAsync(cts.Token);
        }
    }
}
