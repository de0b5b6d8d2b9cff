namespace OpenAlmaty.FrontOffice.Contracts;

/// <summary>Routes and header names of the public contract, typed once.</summary>
public static class FrontOfficeRoutes
{
    public const string Hub = "/hubs/frontoffice";
    public const string Health = "/health";
    public const string OpenApi = "/openapi/v1.json";
    public const string IdempotencyKeyHeader = "Idempotency-Key";
}
