using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Domain;
using OpenAlmaty.FrontOffice.Server.Auth;
using OpenAlmaty.FrontOffice.Server.Problems;

namespace OpenAlmaty.FrontOffice.Server.Components.Staff;

/// <summary>
/// A staff page: each action runs one use case in its own scope (a fresh DbContext, as a request
/// would), and a refusal becomes a message in the staff member's language instead of an error page.
/// </summary>
public abstract class StaffPage : ComponentBase
{
    [Inject] protected IServiceScopeFactory Scopes { get; set; } = null!;
    [Inject] protected StaffLanguage L { get; set; } = null!;
    [CascadingParameter] protected Task<AuthenticationState> Authentication { get; set; } = null!;

    /// <summary>"true" once the page answers clicks (interactive), for the <c>data-ready</c> mark tests and people wait for.</summary>
    protected string Ready => RendererInfo.IsInteractive ? "true" : "false";

    /// <summary>The last refusal, shown above the page's content; null when the last action worked.</summary>
    protected string? Error { get; private set; }

    protected async Task<Actor> ActorAsync() => Policies.ActorOf((await Authentication).User);

    /// <summary>An action of the staff member: a new attempt clears the last refusal.</summary>
    protected Task<T?> Run<TUseCase, T>(Func<TUseCase, CancellationToken, Task<T>> call) where TUseCase : notnull
    {
        Error = null;
        return Read(call);
    }

    /// <summary>A read for the page (after an action too): it keeps the refusal the action got.</summary>
    protected async Task<T?> Read<TUseCase, T>(Func<TUseCase, CancellationToken, Task<T>> call) where TUseCase : notnull
    {
        await using var scope = Scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Application.Audit.CurrentActor>().Value = await ActorAsync();
        try
        {
            return await call(scope.ServiceProvider.GetRequiredService<TUseCase>(), CancellationToken.None);
        }
        catch (ProblemException p)
        {
            Error = Message(p.Type, p.Detail);
        }
        catch (DomainRuleException d)
        {
            Error = Message(ProblemExceptionHandler.TypeOf(d.Rule), d.Message);
        }

        return default;
    }

    protected async Task<bool> Run<TUseCase>(Func<TUseCase, CancellationToken, Task> call) where TUseCase : notnull =>
        await Run<TUseCase, bool>(async (useCase, ct) =>
        {
            await call(useCase, ct);
            return true;
        });

    private string Message(string type, string? detail) =>
        ProblemCatalog.Title(type, L.Code) + (string.IsNullOrEmpty(detail) ? "" : " — " + detail);
}
