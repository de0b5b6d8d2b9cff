using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlmaty.FrontOffice.Domain.Devices;
using OpenAlmaty.FrontOffice.Domain.Roster;
using OpenAlmaty.FrontOffice.Domain.Tickets;

namespace OpenAlmaty.FrontOffice.Persistence.Configurations;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> ticket)
    {
        ticket.Property(t => t.PublicId).HasMaxLength(32);
        ticket.HasIndex(t => t.PublicId).IsUnique();
        ticket.Property(t => t.Prefix).HasMaxLength(3);
        ticket.Property(t => t.Language).HasMaxLength(2);
        ticket.Property(t => t.State).HasConversion<string>().HasMaxLength(16);
        ticket.Property(t => t.Priority).HasConversion<string>().HasMaxLength(16);
        ticket.Property(t => t.TransferNote).HasMaxLength(500);
        ticket.Property(t => t.Outcome).HasConversion<string>().HasMaxLength(24);
        ticket.Property(t => t.Topic).HasConversion<string>().HasMaxLength(16);
        ticket.Property(t => t.KskName).HasMaxLength(VisitRecord.MaxKskName);
        ticket.Property(t => t.OutcomeNote).HasMaxLength(VisitRecord.MaxNote);
        ticket.Property(t => t.RatingComment).HasMaxLength(Ticket.MaxCommentLength);
        ticket.HasIndex(t => t.IssuedServiceId);

        // Numbers restart daily per prefix; the index makes a duplicate impossible, not just unlikely.
        ticket.HasIndex(t => new { t.ServiceDay, t.Prefix, t.Number }).IsUnique();
        ticket.Property(t => t.Tier).HasConversion<string>().HasMaxLength(16);
        ticket.Property(t => t.PromisedWaitBasis).HasConversion<string>().HasMaxLength(16).HasDefaultValue(Domain.Queue.WaitBasis.Estimate)
            .HasSentinel((Domain.Queue.WaitBasis)(-1));

        // Queue heads (first waiting of a service and tier) are index seeks, whatever the queue length.
        ticket.HasIndex(t => new { t.ServiceId, t.State, t.Tier, t.ArrivedAt });
        ticket.HasIndex(t => new { t.ServiceId, t.State, t.Tier, t.AppointmentAt });
        ticket.HasIndex(t => new { t.DeskId, t.State });

        // The database settles races: an update carries the version it read, and loses if it changed.
        ticket.Property(t => t.Version).IsConcurrencyToken();
        ticket.HasOne<Service>().WithMany().HasForeignKey(t => t.ServiceId).OnDelete(DeleteBehavior.Restrict);
        ticket.Ignore(t => t.DisplayNumber);
    }
}

internal sealed class TicketCallConfiguration : IEntityTypeConfiguration<TicketCall>
{
    public void Configure(EntityTypeBuilder<TicketCall> call)
    {
        call.Property(c => c.Rule).HasMaxLength(32);
        call.Property(c => c.Reason).HasMaxLength(1000);
        call.Property(c => c.OfficerId).HasMaxLength(64);
        call.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(16);
        call.HasIndex(c => new { c.ServiceId, c.EndedAt });
        call.HasIndex(c => c.TicketId);
        call.HasOne<Ticket>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> device)
    {
        device.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        device.Property(d => d.Name).HasMaxLength(100);
        device.Property(d => d.TokenHash).HasMaxLength(64);
        device.HasIndex(d => d.TokenHash).IsUnique();
        device.Property(d => d.PrinterAddress).HasMaxLength(200);
        device.Property(d => d.PrinterProfile).HasMaxLength(32);
        device.Property(d => d.PrinterFault).HasMaxLength(32);
        device.Property(d => d.DisplayLayout).HasMaxLength(16).HasDefaultValue("hall");
        device.Property(d => d.DisplayGroup).HasMaxLength(16);
        device.Property(d => d.DisplaySound).HasMaxLength(16).HasDefaultValue("voice");
        device.Property(d => d.TickerHtml).HasMaxLength(4000);
    }
}

internal sealed class PrintJobConfiguration : IEntityTypeConfiguration<PrintJob>
{
    public void Configure(EntityTypeBuilder<PrintJob> job)
    {
        job.Property(j => j.Mode).HasMaxLength(16);
        job.Property(j => j.Fault).HasMaxLength(32);
        job.Property(j => j.Detail).HasMaxLength(300);
        job.Property(j => j.RequestedBy).HasMaxLength(64);
        job.HasIndex(j => j.TicketId);
        job.HasOne<Ticket>().WithMany().HasForeignKey(j => j.TicketId).OnDelete(DeleteBehavior.Cascade);
        job.HasOne<Device>().WithMany().HasForeignKey(j => j.DeviceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QueueCounterConfiguration : IEntityTypeConfiguration<QueueCounter>
{
    public void Configure(EntityTypeBuilder<QueueCounter> counter)
    {
        counter.HasKey(c => c.ServiceId);
        counter.Property(c => c.ServiceId).ValueGeneratedNever();
    }
}

internal sealed class OfficeSettingsConfiguration : IEntityTypeConfiguration<OfficeSettings>
{
    public void Configure(EntityTypeBuilder<OfficeSettings> settings)
    {
        settings.HasKey(s => s.Id);
        settings.Property(s => s.Id).ValueGeneratedNever();
    }
}

internal sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> e)
    {
        e.HasKey(x => x.Seq);
        e.Property(x => x.Type).HasMaxLength(64);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> record)
    {
        record.HasKey(r => new { r.Scope, r.Key });
        record.Property(r => r.Scope).HasMaxLength(80);
        record.Property(r => r.Key).HasMaxLength(100);
        record.Property(r => r.Operation).HasMaxLength(40);
        record.HasIndex(r => r.CreatedAt);
    }
}
