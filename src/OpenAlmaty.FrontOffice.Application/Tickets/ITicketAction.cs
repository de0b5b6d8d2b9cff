using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Application.Common;

namespace OpenAlmaty.FrontOffice.Application.Tickets;

/// <summary>An officer action on a ticket whose request carries at most the version the officer saw.</summary>
public interface ITicketAction
{
    Task<TicketDto> HandleAsync(Actor actor, Guid id, string? key, int? version, CancellationToken ct);
}
