using System.Text;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenAlmaty.FrontOffice.Application.Common;

namespace OpenAlmaty.FrontOffice.Server.Health;

/// <summary>
/// Unhealthy while a write has failed for storage reasons (until one succeeds), a file beside the
/// database cannot be written, a database file was deleted under the server, or the data directory's
/// disk has less free space than <c>FrontOffice:Storage:MinFreeMegabytes</c>.
/// </summary>
internal sealed class StorageHealth(StorageFaults faults) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(faults.Now() is { Count: > 0 } now
            ? HealthCheckResult.Unhealthy(string.Join("; ", now.Select(f => $"{f.Code}: {f.Detail}")))
            : HealthCheckResult.Healthy());
}

/// <summary>What <c>/health</c> answers: the status on the first line (<c>Healthy</c> alone when all is well), then each failing check's reason.</summary>
public static class HealthAnswer
{
    public static HealthCheckOptions Options { get; } = new() { ResponseWriter = WriteAsync };

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        var text = new StringBuilder(report.Status.ToString());
        foreach (var (name, entry) in report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy))
        {
            text.Append('\n').Append(name).Append(": ").Append(entry.Description ?? entry.Status.ToString());
        }

        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(text.ToString(), http.RequestAborted);
    }
}
