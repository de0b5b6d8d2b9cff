using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OpenAlmaty.FrontOffice.Server.Tests;

public class HealthTests
{
    [Fact]
    public async Task Health_answers_when_the_server_runs()
    {
        await using var factory = new WebApplicationFactory<Program>();
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
