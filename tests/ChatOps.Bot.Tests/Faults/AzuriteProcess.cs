using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ChatOps.Bot.Tests.Faults;

/// <summary>
/// A private Azurite (the repository's node_modules/.bin/azurite: tables, and the queue of the durable Slack intake)
/// that a test can stop and start again on the same ports. Data lives on disk in a temporary folder, so it survives
/// the restart.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly DirectoryInfo _location = Directory.CreateTempSubdirectory("chatops-azurite-");
    private readonly int _port = FreePort();
    private readonly int _queuePort = FreePort();
    private readonly int _blobPort = FreePort();
    private Process? _process;

    public string ConnectionString => ConnectionStringFor(_port, _queuePort);

    /// <summary>Azurite's well-known development account on a table port (and the same or another queue port) of 127.0.0.1.</summary>
    public static string ConnectionStringFor(int tablePort, int? queuePort = null) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{tablePort.ToString(CultureInfo.InvariantCulture)}/devstoreaccount1;"
        + $"QueueEndpoint=http://127.0.0.1:{(queuePort ?? tablePort).ToString(CultureInfo.InvariantCulture)}/devstoreaccount1;";

    public static async Task<AzuriteProcess> StartNewAsync()
    {
        var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        return azurite;
    }

    /// <summary>Starts the service and returns once it says it is listening.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot(), "node_modules", ".bin", "azurite"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["--tableHost", "127.0.0.1", "--tablePort", _port.ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", _queuePort.ToString(CultureInfo.InvariantCulture),
            "--blobHost", "127.0.0.1", "--blobPort", _blobPort.ToString(CultureInfo.InvariantCulture),
            "--location", _location.FullName, "--disableTelemetry", "--skipApiVersionCheck"])
        {
            start.ArgumentList.Add(argument);
        }

        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var services = 0;
        process.OutputDataReceived += (_, e) =>
        {
            // "Azurite Blob|Queue|Table service is successfully listening at …": all three.
            if (e.Data?.Contains("successfully listening", StringComparison.Ordinal) == true && Interlocked.Increment(ref services) == 3)
            {
                listening.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("azurite exited at start-up."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Stops the service the way Ctrl+C does (SIGINT: it closes its server and saves its database).</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _location.Delete(recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "node_modules", ".bin", "azurite")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("node_modules/.bin/azurite not found above " + AppContext.BaseDirectory + "; run npm ci.");
    }
}
