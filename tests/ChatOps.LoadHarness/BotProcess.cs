using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ChatOps.LoadHarness;

/// <summary>
/// The real bot (<c>ChatOps.Bot.dll</c>, Release) as a child process on 127.0.0.1, configured by environment
/// variables only. Memory is read from <c>/proc/&lt;pid&gt;/status</c> (VmRSS now, VmHWM peak).
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly List<string> _failures = [];
    private int _failureLines;

    private BotProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>The first few errors the bot logged (<c>fail:</c> and the lines after), which warnings cannot push out.</summary>
    private StreamWriter? _log;

    public string Failures
    {
        get
        {
            lock (_tail)
                return string.Join(Environment.NewLine, _failures);
        }
    }

    /// <summary>The last lines the bot wrote (for a failure report).</summary>
    public string Tail
    {
        get
        {
            lock (_tail)
                return string.Join(Environment.NewLine, _tail);
        }
    }

    /// <summary>Starts <paramref name="dll"/> (the bot, or the harness itself as the reference bot: <paramref name="arguments"/>).</summary>
    public static async Task<BotProcess> StartAsync(string dll, IReadOnlyDictionary<string, string> environment, string hostEnvironment = "Production", params string[] arguments)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = hostEnvironment;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the bot");
        var bot = new BotProcess(process, baseAddress);
        // For diagnosis: LOADHARNESS_LOG_DIR keeps every line each process writes (raise levels with Logging__LogLevel__ChatOps=Information).
        if (Environment.GetEnvironmentVariable("LOADHARNESS_LOG_DIR") is { Length: > 0 } logs)
        {
            Directory.CreateDirectory(logs);
            bot._log = new StreamWriter(Path.Combine(logs, $"bot-{port}.log")) { AutoFlush = true };
        }

        process.OutputDataReceived += (_, e) => bot.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await bot.WaitReadyAsync();
        return bot;
    }

    private async Task WaitReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"the bot exited at start-up (code {_process.ExitCode}):{Environment.NewLine}{Tail}");
            try
            {
                using var response = await client.GetAsync("readyz");
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"the bot did not answer /readyz within 60 s:{Environment.NewLine}{Tail}");
    }

    /// <summary>Resident set size now and its peak, in bytes (Linux).</summary>
    public (long Rss, long Peak) Memory()
    {
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                rss = Kilobytes(line);
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                peak = Kilobytes(line);
        }

        return (rss, peak);
    }

    /// <summary>CPU time the bot has used (user + system), from <c>/proc/&lt;pid&gt;/stat</c>.</summary>
    public TimeSpan CpuTime()
    {
        // Fields after the command name (which is in parentheses): utime and stime are the 12th and 13th.
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_tail)
        {
            _log?.WriteLine(line);
            // The dispatcher's dead letters are expected here (the harness never adds the bot to its Teams conversations,
            // so no reference is stored) and would push out everything else.
            if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("warn:", StringComparison.Ordinal))
                _failureLines = _failures.Count < 120 && !line.Contains("NotificationDispatcher", StringComparison.Ordinal) ? 10 : 0;
            if (_failureLines > 0)
            {
                _failures.Add(line);
                _failureLines--;
            }

            _tail.Enqueue(line);
            if (_tail.Count > 40)
                _tail.Dequeue();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (_log is not null)
            await _log.DisposeAsync();
    }
}
