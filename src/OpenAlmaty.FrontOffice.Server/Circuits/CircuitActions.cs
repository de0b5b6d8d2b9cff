using Microsoft.AspNetCore.Components.Authorization;
using OpenAlmaty.FrontOffice.Application.Audit;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain;
using OpenAlmaty.FrontOffice.Server.Auth;
using OpenAlmaty.FrontOffice.Server.Problems;

namespace OpenAlmaty.FrontOffice.Server.Circuits;

/// <summary>The outcome of one action of a page: the use case's answer, or its refusal as a problem type (with the use case's detail).</summary>
public readonly record struct CircuitResult<T>(T? Value, string? ProblemType, string? Detail)
{
    public bool Refused => ProblemType is not null;
}

/// <summary>
/// The one way a Blazor page acts (kiosk, desk console, admin pages), as a request would: each call
/// runs in a DI scope of its own, so no DbContext lives as long as the circuit and two calls never
/// share one; in that scope the caller's powers are checked first (<see cref="CircuitAccess"/>); the
/// audit names the caller; and a refusal comes back as its problem type, for the page to put in
/// words with <see cref="Message"/>.
/// </summary>
public sealed class CircuitActions(IServiceScopeFactory scopes, AuthenticationStateProvider authentication, CircuitAccess access)
{
    public async Task<CircuitResult<T>> RunAsync<TUseCase, T>(Func<TUseCase, Actor, CancellationToken, Task<T>> call, CancellationToken ct)
        where TUseCase : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (await access.CheckAsync(user, scope.ServiceProvider, ct) is { } refusal)
        {
            return new(default, refusal, null);
        }

        var actor = Policies.ActorOf(user);
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Value = actor;
        try
        {
            return new(await call(scope.ServiceProvider.GetRequiredService<TUseCase>(), actor, ct), null, null);
        }
        catch (ProblemException p)
        {
            return new(default, p.Type, p.Detail);
        }
        catch (DomainRuleException d)
        {
            return new(default, ProblemExceptionHandler.TypeOf(d.Rule), d.Message);
        }
        catch (Exception e) when (StorageFaults.Cause(e) is not null)
        {
            // A kiosk's page says "not saved, try again" in its language instead of losing its circuit (recorded by Transactions).
            return new(default, ProblemTypes.StorageUnavailable, null);
        }
    }

    /// <summary>A refusal in words: the catalog's title in <paramref name="language"/> (kk, ru or en) and the use case's detail.</summary>
    public static string Message(string problemType, string? detail, string language) =>
        ProblemCatalog.Title(problemType, language) + (string.IsNullOrEmpty(detail) ? "" : " — " + detail);
}

public static class CircuitSetup
{
    /// <summary>After <c>AddRazorComponents</c>: the circuit's authentication state replaces the framework's unchecked one.</summary>
    public static IServiceCollection AddCircuitActions(this IServiceCollection services)
    {
        services.AddScoped<CircuitAccess>();
        services.AddScoped<CircuitActions>();
        services.AddScoped<AuthenticationStateProvider, CircuitAuthentication>();
        return services;
    }
}
