using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace OpenAlmaty.FrontOffice.Printing.Tests;

/// <summary>
/// A printer on a loopback TCP port that speaks enough ESC/POS: it records every byte of print
/// data and answers DLE EOT n with the status bytes it is told to have.
/// </summary>
public sealed class FakePrinter : IAsyncDisposable
{
    public const byte Online = 0x12;
    public const byte NoOfflineCause = 0x12;
    public const byte PaperPresent = 0x12;
    public const byte PaperEnd = 0x12 | 0x60;
    public const byte CoverOpen = 0x12 | 0x04;

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<byte> _printed = new();
    private readonly Task _serving;

    public FakePrinter(int port = 0)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public byte OfflineCause { get; set; } = NoOfflineCause;
    public byte PaperSensor { get; set; } = PaperPresent;

    /// <summary>When set, status requests are read but never answered.</summary>
    public bool Silent { get; set; }

    public byte[] Printed => [.. _printed];

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(client));
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var buffer = new byte[4096];
        var pending = new List<byte>();
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                pending.AddRange(buffer.AsSpan(0, read).ToArray());
                var i = 0;
                while (i < pending.Count)
                {
                    if (pending[i] == 0x10 && i + 2 < pending.Count && pending[i + 1] == 0x04)
                    {
                        if (!Silent)
                        {
                            var answer = pending[i + 2] switch
                            {
                                1 => Online,
                                2 => OfflineCause,
                                _ => PaperSensor,
                            };
                            await stream.WriteAsync(new[] { answer }, _stop.Token);
                        }

                        i += 3;
                    }
                    else if (pending[i] == 0x10 && i + 2 >= pending.Count)
                    {
                        break; // a status request split across reads
                    }
                    else
                    {
                        _printed.Enqueue(pending[i]);
                        i++;
                    }
                }

                pending.RemoveRange(0, i);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving;
        _stop.Dispose();
    }
}
