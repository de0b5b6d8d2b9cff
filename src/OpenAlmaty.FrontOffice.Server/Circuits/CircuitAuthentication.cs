using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace OpenAlmaty.FrontOffice.Server.Circuits;

/// <summary>
/// The authentication state of a circuit, checked again every <see cref="Auth.CallerPowers.Watch"/> by
/// <see cref="CircuitAccess"/>: a page open and untouched notices a lock, a new password or a
/// revoked device within that time, and the circuit is signed out (its pages see nobody).
/// </summary>
public sealed class CircuitAuthentication(ILoggerFactory logs, IServiceScopeFactory scopes, CircuitAccess access)
    : RevalidatingServerAuthenticationStateProvider(logs)
{
    private readonly ILogger _log = logs.CreateLogger<CircuitAuthentication>();

    protected override TimeSpan RevalidationInterval => Auth.CallerPowers.Watch;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            return await access.CheckAsync(authenticationState.User, scope.ServiceProvider, cancellationToken) is null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return true; // the circuit is going away; the loop ends on its own token
        }
        catch (Exception e)
        {
            // A database that does not answer once is no revocation (an exception here would sign the
            // circuit out): the next round, or the next action, asks again.
            CircuitLog.CheckFailed(_log, e);
            return true;
        }
    }
}

internal static partial class CircuitLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check an open page's powers; checking again at its next action or round")]
    public static partial void CheckFailed(ILogger logger, Exception exception);
}
