using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.Application;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Printing;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Application.Roster;
using OpenAlmaty.FrontOffice.Application.Staff;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Persistence;
using OpenAlmaty.FrontOffice.Kiosk;
using OpenAlmaty.FrontOffice.Server.Auth;
using OpenAlmaty.FrontOffice.Server.Circuits;
using OpenAlmaty.FrontOffice.Server.Features.Admin;
using OpenAlmaty.FrontOffice.Server.Components.Staff;
using OpenAlmaty.FrontOffice.Server.Features.Kiosk;
using OpenAlmaty.FrontOffice.Server.Problems;
using OpenAlmaty.FrontOffice.Server.Realtime;
using OpenAlmaty.FrontOffice.Server.Security;

namespace OpenAlmaty.FrontOffice.Server;

/// <summary>The server's wiring, so that Program.cs reads as a table of contents.</summary>
public static class ServerSetup
{
    /// <summary>Request bodies above this are refused: nothing in the API needs more.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    private const string SmartScheme = "StaffOrDevice";

    public static void AddFrontOffice(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<FrontOfficeOptions>().Bind(builder.Configuration.GetSection(FrontOfficeOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.PrinterNetworks is null || PrinterAddressPolicy.ParseNetworks(o.PrinterNetworks) is not null,
                "FrontOffice:PrinterNetworks lists networks in CIDR notation, e.g. 192.168.10.0/24.")
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(FrontOfficeOptions.Section).Get<FrontOfficeOptions>() ?? new FrontOfficeOptions();
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        services.PostConfigure<FrontOfficeOptions>(o => o.DataDirectory = dataDirectory);

        services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();

        services.AddSingleton(TimeProvider.System);
        services.AddFrontOfficeDb(dataDirectory, storage.MaxPages);
        services.AddFrontOfficeApplication();

        services.AddSingleton<HallFeed>();
        services.AddSingleton<HubPrintAgents>();
        services.AddSingleton<IPrintAgents>(sp => sp.GetRequiredService<HubPrintAgents>());
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddHostedService<Housekeeping>();
        services.AddHostedService<WalCheckpoints>();
        services.AddHostedService<PrinterWatch>();
        services.AddPublicAddressCheck();

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        });
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddCircuitActions();
        services.AddScoped<IKioskBackend, KioskBackend>();
        services.AddScoped<ITicketStatus, TicketStatusSource>();
        services.AddScoped<OpenAlmaty.FrontOffice.Displays.IDisplaySource, Features.Displays.DisplaySource>();
        services.AddHttpContextAccessor();
        services.AddScoped<StaffLanguage>();
        services.AddSingleton<CallerPowers>();
        services.AddSingleton<HubPowers>();
        services.AddHostedService(sp => sp.GetRequiredService<HubPowers>());
        // Only the hall's hub: Blazor's own circuit hub is watched by CircuitAccess, which ends a page's
        // powers and shows why; closing its connection instead would leave the page reconnecting, unexplained.
        services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .AddHubOptions<FrontOfficeHub>(o => o.AddFilter<HubPowers>());
        services.AddOpenApi();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddHealthChecks().AddCheck<DatabaseHealth>("database").AddCheck<Health.StorageHealth>("storage");
        // A monitor asks /health every few seconds: an Unhealthy answer is not logged each time (StorageFaults logs a fault once).
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Critical);
        AddStaffAndDevices(services);
    }

    private static void AddStaffAndDevices(IServiceCollection services)
    {
        // No lockout after failed sign-ins (anyone could keep an account out by typing wrong passwords):
        // the SignInGuard slows the guesser instead. An account is locked only by an administrator.
        services.AddIdentity<StaffUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<FrontOfficeDb>()
            .AddPasswordValidator<PasswordRules>()
            .AddDefaultTokenProviders();
        services.AddSingleton<SignInGuard>();
        services.AddScoped<StaffSignIn>();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CrossSiteRequests.StaffCookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.Events.OnRedirectToLogin = c => StaffEndpoints.SendsToLogin(c.Request)
                ? Redirect(c.HttpContext, "/login?returnUrl=" + Uri.EscapeDataString(c.Request.Path + c.Request.QueryString))
                : Refuse(c.HttpContext, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => Refuse(c.HttpContext, StatusCodes.Status403Forbidden);
            // Every request asks whether the account still may (a lock, a new password or a sign-out renews
            // its stamp): Identity's own check every 30 minutes left a copied cookie working for that long.
            o.Events.OnValidatePrincipal = EndRefusedSession;
        });

        // Staff carry a cookie, devices a bearer token: one scheme picks the right handler per request.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultAuthenticateScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultForbidScheme = SmartScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(SmartScheme, "Staff or device", o => o.ForwardDefaultSelector = http =>
                DeviceAuthentication.TokenOf(http.Request) is not null ? DeviceAuthentication.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, DeviceAuthentication>(DeviceAuthentication.SchemeName, null);
        services.AddAuthorization(Policies.Add);

        // Sign-in has its own limit (SignInGuard, shared by the API and the /login page); this is for other policies.
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = BookingCodeLookups.Limiter;
            o.OnRejected = async (c, ct) =>
                await ProblemExceptionHandler.Write(c.HttpContext, ProblemTypes.TooManyRequests, 429, null).ExecuteAsync(c.HttpContext);
        });
    }

    private static async Task EndRefusedSession(CookieValidatePrincipalContext c)
    {
        var http = c.HttpContext;
        if (c.Principal is { } user
            && await http.RequestServices.GetRequiredService<CallerPowers>().RefusalAsync(user, http.RequestServices, http.RequestAborted) is { } refusal)
        {
            c.RejectPrincipal();
            http.Items[RefusalKey] = refusal;
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    private const string RefusalKey = "oa:session-refusal";

    private static Task Redirect(HttpContext http, string url)
    {
        http.Response.Redirect(url);
        return Task.CompletedTask;
    }

    /// <summary>The API and the device pages answer 401/403 (as problem+json) rather than redirect.</summary>
    private static async Task Refuse(HttpContext http, int status)
    {
        // A session ended by a lock or a sign-out says why, in the problem type the pages and clients know.
        if (http.Items[RefusalKey] is string refusal)
        {
            await ProblemExceptionHandler.Write(http, refusal, status, null).ExecuteAsync(http);
            return;
        }

        http.Response.StatusCode = status;
    }

    /// <summary>The audit trail names whoever the request is for (after authentication).</summary>
    public static void UseCurrentActor(this WebApplication app) => app.Use((http, next) =>
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            http.RequestServices.GetRequiredService<Application.Audit.CurrentActor>().Value = Policies.ActorOf(http.User);
        }

        return next(http);
    });

    /// <summary>Errors as problem+json, and bodies bounded (and in a charset the server reads) before any endpoint reads them.</summary>
    public static void UseFrontOfficeErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusProblems.WriteAsync);
        app.UseRequestCharsetCheck();
        app.Use(async (http, next) =>
        {
            if (http.Request.ContentLength > MaxRequestBodyBytes)
            {
                await ProblemExceptionHandler.Write(http, ProblemTypes.PayloadTooLarge, 413,
                    $"At most {MaxRequestBodyBytes / 1024} KB.").ExecuteAsync(http);
                return;
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxRequestBodyBytes;
            }

            await next(http);
        });
    }

    /// <summary>First start creates the database, loads the default roster and the admin account.</summary>
    public static async Task InitializeFrontOfficeAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<FrontOfficeOptions>>().Value;
        HostChecks.PrepareDataDirectory(options.DataDirectory, app.Logger);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrontOfficeDb>();
        await PersistenceSetup.MigrateAsync(db, CancellationToken.None);
        if (await scope.ServiceProvider.GetRequiredService<SeedRoster>().HandleAsync(CancellationToken.None))
        {
            Log.RosterLoaded(app.Logger, options.DataDirectory);
        }

        await scope.ServiceProvider.GetRequiredService<BootstrapAdmin>().HandleAsync();
        if (options.TrainingMode)
        {
            Log.TrainingMode(app.Logger);
        }
    }
}

/// <summary>Healthy when the database answers.</summary>
internal sealed class DatabaseHealth(FrontOfficeDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the default roster into {DataDirectory}")]
    public static partial void RosterLoaded(ILogger logger, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training mode: every service is open and every ticket is marked as training")]
    public static partial void TrainingMode(ILogger logger);
}
