using System.ComponentModel.DataAnnotations;

namespace OpenAlmaty.FrontOffice.PrintAgent;

/// <summary>The agent's settings: section <c>PrintAgent</c> of appsettings.json, or <c>PrintAgent__Token</c> etc. in the environment.</summary>
public sealed class PrintAgentOptions
{
    public const string Section = "PrintAgent";

    /// <summary>The hall server, e.g. <c>http://frontoffice.local:5080</c>.</summary>
    [Required]
    public Uri Server { get; set; } = new("http://localhost:5080");

    /// <summary>The kiosk's device token, shown once when the admin enrolled the kiosk.</summary>
    [Required]
    public string Token { get; set; } = "";

    /// <summary>The printer on this PC: <c>/dev/usb/lp0</c>, <c>/dev/ttyUSB0</c>, or <c>host:port</c>.</summary>
    [Required]
    public string Printer { get; set; } = "/dev/usb/lp0";

    /// <summary>How often the printer's state is asked and reported between jobs.</summary>
    [Range(1, 3600)]
    public int StatusSeconds { get; set; } = 30;
}
