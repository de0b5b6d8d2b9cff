using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain;

namespace OpenAlmaty.FrontOffice.Server.Problems;

/// <summary>
/// Turns every refusal into RFC 9457 problem+json with a stable type and a title in the caller's
/// language. No stack trace ever leaves the server.
/// </summary>
public sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (type, status, detail) = exception switch
        {
            ProblemException p => (p.Type, p.Status, p.Detail),
            DomainRuleException d => (TypeOf(d.Rule), d.Rule is DomainRule.InvalidHours or DomainRule.InvalidPrefix or DomainRule.InvalidVisitRecord or DomainRule.InvalidIin or DomainRule.InvalidCalendar or DomainRule.InvalidSession ? 400 : 409, d.Message),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (ProblemTypes.PayloadTooLarge, 413, null),
            BadHttpRequestException b => (ProblemTypes.MalformedRequest, 400, b.InnerException?.Message ?? b.Message),
            _ when StorageFaults.Cause(exception) is not null => (ProblemTypes.StorageUnavailable, StatusCodes.Status503ServiceUnavailable, null),
            _ => (ProblemTypes.ServerError, 500, null),
        };
        if (type == ProblemTypes.StorageUnavailable)
        {
            // Logged once per fault by StorageFaults (a full disk fails every request until it is freed), shown in /health.
            httpContext.RequestServices.GetRequiredService<StorageFaults>().Failed(exception);
            httpContext.Response.Headers.RetryAfter = "30";
        }
        else if (status >= 500)
        {
            log.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        await Write(httpContext, type, status, detail).ExecuteAsync(httpContext);
        return true;
    }

    public static ProblemHttpResult Write(HttpContext context, string type, int status, string? detail) =>
        TypedResults.Problem(new ProblemDetails
        {
            Type = type,
            Status = status,
            Title = ProblemCatalog.Title(type, ProblemCatalog.LanguageOf(context.Request)),
            Detail = detail,
            Instance = context.Request.Path,
        });

    public static string TypeOf(DomainRule rule) => rule switch
    {
        DomainRule.TicketWrongState => ProblemTypes.TicketWrongState,
        DomainRule.RejoinWindowPassed => ProblemTypes.RejoinWindowPassed,
        DomainRule.TransferToSameService => ProblemTypes.TransferToSameService,
        DomainRule.InvalidHours => ProblemTypes.InvalidHours,
        DomainRule.InvalidPrefix => ProblemTypes.InvalidPrefix,
        DomainRule.InvalidIin => ProblemTypes.InvalidIin,
        DomainRule.SessionUnavailable => ProblemTypes.SessionUnavailable,
        DomainRule.SlotTaken => ProblemTypes.SlotTaken,
        DomainRule.BookingLimit => ProblemTypes.BookingLimit,
        DomainRule.BookingWrongState => ProblemTypes.BookingWrongState,
        DomainRule.RescheduleDoesNotFit => ProblemTypes.RescheduleDoesNotFit,
        _ => ProblemTypes.ValidationFailed,
    };
}

/// <summary>Gives bare status codes (401, 403, 404, 429 …) a problem+json body too; a browser refused a kiosk or display page gets that page's "not enrolled" HTML instead.</summary>
public static class StatusProblems
{
    public static async Task WriteAsync(StatusCodeContext status)
    {
        var http = status.HttpContext;
        if (http.Response.StatusCode is 401 or 403 && Features.Kiosk.DevicePages.Asked(http.Request) is { } device)
        {
            await Features.Kiosk.DevicePages.WriteNotEnrolledAsync(http, device);
            return;
        }

        var type = http.Response.StatusCode switch
        {
            401 => ProblemTypes.Unauthorized,
            403 => ProblemTypes.Forbidden,
            404 => ProblemTypes.NotFound,
            413 => ProblemTypes.PayloadTooLarge,
            415 => ProblemTypes.UnsupportedMediaType,
            429 => ProblemTypes.TooManyRequests,
            >= 500 => ProblemTypes.ServerError,
            _ => ProblemTypes.MalformedRequest,
        };
        await ProblemExceptionHandler.Write(http, type, http.Response.StatusCode, null).ExecuteAsync(http);
    }
}
