using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace RiskIntel.Tests.Fakes;

/// <summary>A TCP server on 127.0.0.1 that accepts every connection and never answers: a model that hangs.</summary>
public sealed class SilentTcpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<Socket> _connections = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private SilentTcpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}");

    /// <summary>Connections accepted so far.</summary>
    public int Accepted => _connections.Count;

    public static SilentTcpServer Start() => new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        foreach (var socket in _connections)
        {
            socket.Dispose();
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                _connections.Add(await _listener.AcceptSocketAsync(_stop.Token));
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }
        }
    }
}
