using System.Diagnostics;
using System.Reflection;

namespace ChatOps.Notifications.Tests;

/// <summary>
/// The bot (bot/ChatOps.Bot, as built) as a real child process: <c>dotnet ChatOps.Bot.dll</c> with the given
/// environment, on an ephemeral port, its output kept for failure messages. <see cref="Kill"/> is SIGKILL.
/// </summary>
public sealed class BotProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private BotProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_output)
                return string.Join('\n', _output.TakeLast(60));
        }
    }

    public bool HasExited => _process.HasExited;

    public static BotProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var dll = typeof(BotProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BotAssembly").Value!;
        var start = new ProcessStartInfo("dotnet", [Path.GetFullPath(dll)])
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        var bot = new BotProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
        bot._process.OutputDataReceived += (_, e) => bot.Keep(e.Data);
        bot._process.ErrorDataReceived += (_, e) => bot.Keep(e.Data);
        bot._process.BeginOutputReadLine();
        bot._process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>SIGKILL: no shutdown, no finally blocks, leases left as they were.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            Kill();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.Add(line);
    }
}
