using Microsoft.AspNetCore.Components.Authorization;
using OpenAlmaty.FrontOffice.Application.Displays;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Displays;
using OpenAlmaty.FrontOffice.Domain.Calendar;
using OpenAlmaty.FrontOffice.Server.Auth;
using OpenAlmaty.FrontOffice.Server.Circuits;
using OpenAlmaty.FrontOffice.Server.Realtime;

namespace OpenAlmaty.FrontOffice.Server.Features.Displays;

/// <summary>The display's board for the enrolled display of the circuit, read in a scope of its own each time; events from the in-process feed, and what it missed from the server's log.</summary>
public sealed class DisplaySource(IServiceScopeFactory scopes, AuthenticationStateProvider authentication, HallFeed feed, CircuitAccess access) : IDisplaySource
{
    public async Task<DisplayBoardDto> LoadAsync(CancellationToken ct)
    {
        var device = await DeviceIdAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GetDisplayBoard>().HandleAsync(device, ct);
    }

    public async Task<Guid> DeviceIdAsync(CancellationToken ct) =>
        Policies.ActorOf((await authentication.GetAuthenticationStateAsync()).User).DeviceId
            ?? throw new InvalidOperationException("A display page is opened by an enrolled display.");

    public IDisposable Subscribe(long afterSeq, Action<IHallEvent> onEvent) => feed.Subscribe(afterSeq, onEvent);

    public async Task<HallEventsDto> EventsAfterAsync(long afterSeq, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GetEventsAfter>().HandleAsync(afterSeq, ct);
    }

    public TimeZoneInfo Zone => AlmatyClock.Zone;

    public IDisposable OnEnrolmentEnded(Action onEnded) => access.OnEnded(onEnded);
}

public static class DisplayEndpoints
{
    /// <summary>
    /// The phrase pack: a clip an office recorded (<c>&lt;data&gt;/phrases/kk/talon.wav</c>) wins over
    /// the default one that ships with the displays.
    /// </summary>
    public static void MapPhrases(this IEndpointRouteBuilder app) =>
        app.MapGet("/phrases/{**clip}", (string clip, IWebHostEnvironment env, Microsoft.Extensions.Options.IOptions<Application.Common.FrontOfficeOptions> options) =>
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(clip, "^((kk|ru)/)?[a-z0-9-]{1,40}\\.wav$"))
            {
                return Results.NotFound();
            }

            var recorded = Path.Combine(options.Value.DataDirectory, "phrases", clip);
            if (File.Exists(recorded))
            {
                return Results.File(recorded, "audio/wav");
            }

            var shipped = env.WebRootFileProvider.GetFileInfo("_content/OpenAlmaty.FrontOffice.Displays/phrases/" + clip);
            return shipped.Exists ? Results.File(shipped.CreateReadStream(), "audio/wav") : Results.NotFound();
        }).AllowAnonymous().ExcludeFromDescription();
}
