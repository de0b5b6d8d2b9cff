using OpenAlmaty.FrontOffice.Printing.EscPos;

namespace OpenAlmaty.FrontOffice.Printing.Transports;

/// <summary>
/// A printer behind a device file: a USB printer on Linux (<c>/dev/usb/lp0</c>) or a serial port
/// set up with <c>stty</c> (<c>/dev/ttyUSB0</c>). The status is asked with DLE EOT and read back
/// where the device answers; a device that gives no answer within the timeout is taken as able
/// to print (many USB printers are write-only through <c>usblp</c>), while one that is missing
/// or cannot be opened is unreachable.
/// </summary>
public sealed class DeviceFileTransport(string path, TimeSpan? timeout = null) : IPrinterTransport
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromMilliseconds(500);
    private readonly SemaphoreSlim _lock = new(1, 1);

    public async Task<PrinterStatus> QueryStatusAsync(CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return new PrinterStatus(PrinterFault.Unreachable, false);
        }

        await _lock.WaitAsync(ct);
        try
        {
            await using var device = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 1, FileOptions.Asynchronous);
            if (!device.CanSeek)
            {
                var answers = new byte[3];
                for (var i = 0; i < 3; i++)
                {
                    await device.WriteAsync(EscPosWriter.StatusRequest(i switch { 0 => StatusKind.Printer, 1 => StatusKind.OfflineCause, _ => StatusKind.PaperSensor }), ct);
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    wait.CancelAfter(_timeout);
                    try
                    {
                        if (await device.ReadAsync(answers.AsMemory(i, 1), wait.Token) != 1)
                        {
                            return new PrinterStatus(PrinterFault.Ready, false);
                        }
                    }
                    catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                    {
                        return new PrinterStatus(PrinterFault.Ready, false);
                    }
                }

                return PrinterStatus.Read(answers[0], answers[1], answers[2]);
            }

            // A plain file (a spool, or a test): nothing to ask.
            return new PrinterStatus(PrinterFault.Ready, false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new PrinterStatus(PrinterFault.Unreachable, false);
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task SendAsync(ReadOnlyMemory<byte> job, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            await using var device = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 4096, FileOptions.Asynchronous);
            await device.WriteAsync(job, ct);
            await device.FlushAsync(ct);
        }
        finally
        {
            _lock.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _lock.Dispose();
        return ValueTask.CompletedTask;
    }
}
