using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Server.Auth;
using OpenAlmaty.FrontOffice.Server.Circuits;

namespace OpenAlmaty.FrontOffice.Server.Components.Staff;

/// <summary>
/// A staff page: each action runs one use case through <see cref="CircuitActions"/> (its own scope,
/// as a request would, after the check that the account still may act), and a refusal becomes a
/// message in the staff member's language instead of an error page. <see cref="SessionEnded"/>, in
/// the layout, says so over the page when the account is locked or gets a new password.
/// </summary>
public abstract class StaffPage : ComponentBase
{
    [Inject] protected CircuitActions Actions { get; set; } = null!;
    [Inject] protected CircuitAccess Access { get; set; } = null!;
    [Inject] protected StaffLanguage L { get; set; } = null!;
    [CascadingParameter] protected Task<AuthenticationState> Authentication { get; set; } = null!;

    private Actor? _actor;

    /// <summary>"true" once the page answers clicks (interactive), for the <c>data-ready</c> mark tests and people wait for.</summary>
    protected string Ready => RendererInfo.IsInteractive ? "true" : "false";

    /// <summary>The last refusal, shown above the page's content; null when the last action worked.</summary>
    protected string? Error { get; private set; }

    /// <summary>
    /// The staff member the page acts for. Once the circuit is signed out under the page this stays
    /// who it was: whatever the page still builds with it is refused before it runs.
    /// </summary>
    protected async Task<Actor> ActorAsync()
    {
        var user = (await Authentication).User;
        return user.Identity?.IsAuthenticated == true ? _actor = Policies.ActorOf(user) : _actor ?? Actor.User(string.Empty);
    }

    /// <summary>
    /// Signed out under the page (the watch found a lock or a new password): the page no longer runs
    /// its own loading, which would only be refused; it keeps what it shows and says why.
    /// </summary>
    public override async Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        if (Authentication is not null && (await Authentication).User.Identity?.IsAuthenticated != true)
        {
            Error = CircuitActions.Message(Access.EndedBecause ?? ProblemTypes.Unauthorized, null, L.Code);
            StateHasChanged();
            return;
        }

        await base.SetParametersAsync(parameters);
    }

    /// <summary>An action of the staff member: a new attempt clears the last refusal.</summary>
    protected Task<T?> Run<TUseCase, T>(Func<TUseCase, CancellationToken, Task<T>> call) where TUseCase : notnull
    {
        Error = null;
        return Read(call);
    }

    /// <summary>A read for the page (after an action too): it keeps the refusal the action got.</summary>
    protected async Task<T?> Read<TUseCase, T>(Func<TUseCase, CancellationToken, Task<T>> call) where TUseCase : notnull
    {
        var result = await Actions.RunAsync<TUseCase, T>((useCase, _, ct) => call(useCase, ct), CancellationToken.None);
        if (result.Refused)
        {
            Error = CircuitActions.Message(result.ProblemType!, result.Detail, L.Code);
        }

        return result.Value;
    }

    protected async Task<bool> Run<TUseCase>(Func<TUseCase, CancellationToken, Task> call) where TUseCase : notnull =>
        await Run<TUseCase, bool>(async (useCase, ct) =>
        {
            await call(useCase, ct);
            return true;
        });
}
