using System.Net.Sockets;
using OpenAlmaty.FrontOffice.Printing.EscPos;

namespace OpenAlmaty.FrontOffice.Printing.Transports;

/// <summary>How bytes reach a printer and how its status comes back.</summary>
public interface IPrinterTransport : IAsyncDisposable
{
    Task<PrinterStatus> QueryStatusAsync(CancellationToken ct);

    Task SendAsync(ReadOnlyMemory<byte> job, CancellationToken ct);
}

/// <summary>
/// A network printer on raw TCP (port 9100). The connection is kept and made again when it has
/// dropped; a printer that does not answer within the timeout is reported, never waited for.
/// </summary>
public sealed class TcpPrinterTransport(string host, int port = 9100, TimeSpan? timeout = null) : IPrinterTransport
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private TcpClient? _client;

    public async Task<PrinterStatus> QueryStatusAsync(CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            for (var attempt = 0; attempt < 2; attempt++)
            {
                NetworkStream stream;
                try
                {
                    stream = await ConnectedAsync(ct);
                }
                catch (Exception e) when (e is SocketException or TimeoutException or OperationCanceledException && !ct.IsCancellationRequested)
                {
                    return new PrinterStatus(PrinterFault.Unreachable, false);
                }

                try
                {
                    await DrainStaleAnswersAsync(stream, ct);
                    var printer = await AskAsync(stream, StatusKind.Printer, ct);
                    var offline = await AskAsync(stream, StatusKind.OfflineCause, ct);
                    var paper = await AskAsync(stream, StatusKind.PaperSensor, ct);
                    return PrinterStatus.Read(printer, offline, paper);
                }
                catch (TimeoutException)
                {
                    Drop();
                    return new PrinterStatus(PrinterFault.NoAnswer, false);
                }
                catch (IOException)
                {
                    // A kept connection the printer closed meanwhile: connect once more.
                    Drop();
                }
            }

            return new PrinterStatus(PrinterFault.Unreachable, false);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Sends a job once. A connection lost mid-job is reported, never replayed: a ticket is not printed twice.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> job, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            var stream = await ConnectedAsync(ct);
            try
            {
                await stream.WriteAsync(job, ct);
                await stream.FlushAsync(ct);
            }
            catch
            {
                Drop();
                throw;
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<NetworkStream> ConnectedAsync(CancellationToken ct)
    {
        if (_client is { Connected: true })
        {
            return _client.GetStream();
        }

        Drop();
        var client = new TcpClient { NoDelay = true };
        using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        connectTimeout.CancelAfter(_timeout);
        try
        {
            await client.ConnectAsync(host, port, connectTimeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            client.Dispose();
            throw new TimeoutException($"The printer at {host}:{port} did not accept a connection within {_timeout.TotalSeconds:0.#} s.");
        }
        catch
        {
            client.Dispose();
            throw;
        }

        _client = client;
        return client.GetStream();
    }

    /// <summary>
    /// Epson-like printers run real-time commands even inside raster data, so a <c>DLE EOT</c>
    /// pattern in an image's bits makes the printer answer a question nobody asked. Such answers
    /// wait in the socket; they are thrown away so that the next status is the printer's own now.
    /// </summary>
    private static async Task DrainStaleAnswersAsync(NetworkStream stream, CancellationToken ct)
    {
        var scratch = new byte[256];
        while (stream.DataAvailable)
        {
            if (await stream.ReadAsync(scratch, ct) == 0)
            {
                throw new IOException("The printer closed the connection.");
            }
        }
    }

    private async Task<byte> AskAsync(NetworkStream stream, StatusKind kind, CancellationToken ct)
    {
        await stream.WriteAsync(EscPosWriter.StatusRequest(kind), ct);
        var answer = new byte[1];
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(_timeout);
        try
        {
            var read = await stream.ReadAsync(answer, wait.Token);
            return read == 1 ? answer[0] : throw new IOException("The printer closed the connection.");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException("The printer did not answer a status request.");
        }
    }

    private void Drop()
    {
        _client?.Dispose();
        _client = null;
    }

    public ValueTask DisposeAsync()
    {
        Drop();
        _lock.Dispose();
        return ValueTask.CompletedTask;
    }
}
