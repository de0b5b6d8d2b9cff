using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OpenAlmaty.FrontOffice.Domain.Audit;
using OpenAlmaty.FrontOffice.Domain.Devices;
using OpenAlmaty.FrontOffice.Domain.Receptions;
using OpenAlmaty.FrontOffice.Domain.Roster;
using OpenAlmaty.FrontOffice.Domain.Tickets;

namespace OpenAlmaty.FrontOffice.Persistence;

/// <summary>The front office's database.</summary>
/// <remarks>
/// Add a migration (from the repository root):
/// <c>dotnet tool restore &amp;&amp; dotnet ef migrations add NAME --project src/OpenAlmaty.FrontOffice.Persistence --output-dir Migrations/Sqlite</c>.
/// Instants are UTC <see cref="DateTime"/>: SQLite orders and compares them as text correctly,
/// which it cannot do for <see cref="DateTimeOffset"/>.
/// </remarks>
public sealed class FrontOfficeDb(DbContextOptions<FrontOfficeDb> options) : IdentityDbContext<StaffUser>(options)
{
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<Desk> Desks => Set<Desk>();
    public DbSet<DeskService> DeskServices => Set<DeskService>();
    public DbSet<OfficerDesk> OfficerDesks => Set<OfficerDesk>();
    public DbSet<Device> Devices => Set<Device>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketCall> TicketCalls => Set<TicketCall>();
    public DbSet<QueueCounter> QueueCounters => Set<QueueCounter>();
    public DbSet<OutboxEvent> OutboxEvents => Set<OutboxEvent>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<RosterVersion> RosterVersions => Set<RosterVersion>();
    public DbSet<PrintJob> PrintJobs => Set<PrintJob>();
    public DbSet<ReceptionSchedule> ReceptionSchedules => Set<ReceptionSchedule>();
    public DbSet<ReceptionSession> ReceptionSessions => Set<ReceptionSession>();
    public DbSet<Booking> Bookings => Set<Booking>();
    public DbSet<ResidentNotice> ResidentNotices => Set<ResidentNotice>();
    public DbSet<Appeal> Appeals => Set<Appeal>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OfficeSettings> OfficeSettings => Set<OfficeSettings>();

    private List<Action>? _afterCommit;

    /// <summary>Outbox rows were added in the current transaction: after its commit the dispatcher is woken.</summary>
    public bool OutboxWritten { get; set; }

    /// <summary>Something to do once the current transaction has committed (never if it rolls back).</summary>
    public void AfterCommit(Action action) => (_afterCommit ??= []).Add(action);

    public void Committed()
    {
        var actions = _afterCommit;
        _afterCommit = null;
        actions?.ForEach(a => a());
    }

    public void RolledBack()
    {
        _afterCommit = null;
        OutboxWritten = false;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FrontOfficeDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <summary>Reads instants back as UTC: the database keeps no kind.</summary>
    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>Which version of the shipped roster file was loaded, and when.</summary>
public sealed class RosterVersion
{
    public int Id { get; init; }
    public int Version { get; init; }
    public DateTime LoadedAt { get; init; }
}
