using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlmaty.FrontOffice.Domain.Receptions;

namespace OpenAlmaty.FrontOffice.Persistence.Configurations;

internal sealed class ReceptionSessionConfiguration : IEntityTypeConfiguration<ReceptionSession>
{
    public void Configure(EntityTypeBuilder<ReceptionSession> session)
    {
        session.Property(s => s.DeputyName).HasMaxLength(200);
        session.HasIndex(s => new { s.Date, s.Start });
        session.Ignore(s => s.IsCancelled);
        session.Ignore(s => s.Capacity);
        session.Ignore(s => s.StartsAtUtc);
    }
}

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> booking)
    {
        booking.Property(b => b.Code).HasMaxLength(16);
        booking.HasIndex(b => b.Code).IsUnique();
        booking.Property(b => b.IinHash).HasMaxLength(64);
        booking.HasIndex(b => b.IinHash);
        booking.HasIndex(b => b.ErasedAt);
        booking.Property(b => b.IinLastFour).HasMaxLength(4);
        booking.Property(b => b.FullName).HasMaxLength(200);
        booking.Property(b => b.Phone).HasMaxLength(32);
        booking.Property(b => b.Topic).HasMaxLength(16);
        booking.Property(b => b.Text).HasMaxLength(500);
        booking.Property(b => b.State).HasConversion<string>().HasMaxLength(16);
        booking.Property(b => b.CancelReason).HasMaxLength(200);
        booking.HasIndex(b => new { b.SessionId, b.State });
        booking.HasIndex(b => b.Sequence).IsUnique();
        booking.Property(b => b.Version).IsConcurrencyToken();
        // No foreign key: on SQLite adding one rebuilds the table outside a transaction, and tickets are never deleted.
        booking.HasIndex(b => b.TicketId);
        booking.HasOne<ReceptionSession>().WithMany().HasForeignKey(b => b.SessionId).OnDelete(DeleteBehavior.Restrict);
        booking.Ignore(b => b.HoldsPlace);
        booking.Ignore(b => b.IsOpen);
    }
}

internal sealed class ResidentNoticeConfiguration : IEntityTypeConfiguration<ResidentNotice>
{
    public void Configure(EntityTypeBuilder<ResidentNotice> notice)
    {
        notice.Property(n => n.Kind).HasMaxLength(32);
        notice.Property(n => n.DoneBy).HasMaxLength(100);
        notice.HasIndex(n => new { n.DoneAt, n.Stale });
        notice.HasOne<Booking>().WithMany().HasForeignKey(n => n.BookingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReceptionScheduleConfiguration : IEntityTypeConfiguration<ReceptionSchedule>
{
    public void Configure(EntityTypeBuilder<ReceptionSchedule> schedule)
    {
        schedule.Property(s => s.DeputyName).HasMaxLength(200);
        schedule.Property(s => s.Weekday).HasConversion<string>().HasMaxLength(12);
    }
}

internal sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> appeal)
    {
        appeal.Property(a => a.RegistrationNumber).HasMaxLength(50);
        appeal.Property(a => a.Subject).HasMaxLength(300);
        appeal.HasIndex(a => new { a.ClosedOn, a.DueOn });
        appeal.HasOne<OpenAlmaty.FrontOffice.Domain.Tickets.Ticket>().WithMany().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Restrict);
        appeal.Ignore(a => a.Deadline);
    }
}
