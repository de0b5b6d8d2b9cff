using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.PrintAgent;
using OpenAlmaty.FrontOffice.Printing.Transports;

// The kiosk print agent: `dotnet OpenAlmaty.FrontOffice.PrintAgent.dll` on the kiosk PC, as a systemd service.
var builder = Host.CreateApplicationBuilder(args);

// Its own name, not appsettings.json: the agent is built beside the server in tests and must not shadow its settings.
builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "printagent.json"), optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args);
builder.Services.AddSystemd();
builder.Services.AddOptions<PrintAgentOptions>().Bind(builder.Configuration.GetSection(PrintAgentOptions.Section))
    .ValidateDataAnnotations()
    .Validate(o => o.Token.Length > 0, "KioskPrintAgent:Token is the kiosk's device token, shown once at enrolment.")
    .Validate(o => PrinterAddress.IsValid(o.Printer), "KioskPrintAgent:Printer is a device path (/dev/usb/lp0) or host:port.")
    .ValidateOnStart();
builder.Services.AddHostedService<PrintAgentService>();
builder.Build().Run();

/// <summary>Runs the agent for as long as the host runs.</summary>
internal sealed class PrintAgentService(IOptions<PrintAgentOptions> options, ILogger<KioskPrintAgent> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        await using var agent = new KioskPrintAgent(KioskPrintAgent.Connect(o), PrinterAddress.Resolve(o.Printer).Open(),
            TimeSpan.FromSeconds(o.StatusSeconds), log);
        await agent.RunAsync(stoppingToken);
    }
}
