using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlmaty.FrontOffice.Domain.Roster;

namespace OpenAlmaty.FrontOffice.Persistence.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> agency)
    {
        agency.HasIndex(a => a.Code).IsUnique();
        agency.Property(a => a.Code).HasMaxLength(64);
        agency.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        agency.Property(a => a.NameKk).HasMaxLength(200);
        agency.Property(a => a.NameRu).HasMaxLength(200);
        agency.Property(a => a.NameEn).HasMaxLength(200);
        agency.Property(a => a.Topics).HasMaxLength(200);
        agency.HasMany(a => a.Services).WithOne(s => s.Agency).HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> service)
    {
        service.HasIndex(s => s.Code).IsUnique();
        service.Property(s => s.Code).HasMaxLength(64);
        service.Property(s => s.Prefix).HasMaxLength(3);
        service.Property(s => s.NameKk).HasMaxLength(200);
        service.Property(s => s.NameRu).HasMaxLength(200);
        service.Property(s => s.NameEn).HasMaxLength(200);
        service.Property(s => s.Hours).HasMaxLength(200);
    }
}

internal sealed class DeskConfiguration : IEntityTypeConfiguration<Desk>
{
    public void Configure(EntityTypeBuilder<Desk> desk)
    {
        desk.Property(d => d.Number).HasMaxLength(16);
        desk.Property(d => d.ClosedReason).HasMaxLength(200);
        desk.Property(d => d.OfficerId).HasMaxLength(64);
        desk.HasMany(d => d.Services).WithOne().HasForeignKey(s => s.DeskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeskServiceConfiguration : IEntityTypeConfiguration<DeskService>
{
    public void Configure(EntityTypeBuilder<DeskService> link)
    {
        link.HasKey(l => new { l.DeskId, l.ServiceId });
        link.HasOne<Service>().WithMany().HasForeignKey(l => l.ServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OfficerDeskConfiguration : IEntityTypeConfiguration<OfficerDesk>
{
    public void Configure(EntityTypeBuilder<OfficerDesk> link)
    {
        link.HasKey(l => new { l.UserId, l.DeskId });
        link.HasOne<StaffUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        link.HasOne<Desk>().WithMany().HasForeignKey(l => l.DeskId).OnDelete(DeleteBehavior.Cascade);
    }
}
