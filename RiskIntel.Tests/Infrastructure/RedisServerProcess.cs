using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RiskIntel.Tests.Infrastructure;

/// <summary>
/// A private <c>redis-server</c> on a free 127.0.0.1 port, without persistence, that a test may kill and start again
/// on the same port: how a Redis outage looks to the nodes.
/// </summary>
public sealed class RedisServerProcess : IDisposable
{
    private Process? _process;

    private RedisServerProcess(string executable, int port)
    {
        Executable = executable;
        Port = port;
    }

    public string Executable { get; }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>The redis-server on PATH, or null.</summary>
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);

    public static async Task<RedisServerProcess> StartAsync()
    {
        var executable = Find() ?? throw new InvalidOperationException("redis-server is not on PATH.");
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var server = new RedisServerProcess(executable, port);
        await server.RestartAsync();
        return server;
    }

    /// <summary>Starts the server (again) on its port and waits until it accepts connections.</summary>
    public async Task RestartAsync()
    {
        var start = new ProcessStartInfo(Executable)
        {
            ArgumentList = { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>SIGKILL: connections drop at once, nothing is flushed.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    public void Dispose() => Kill();
}
