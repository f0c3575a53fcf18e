using Microsoft.EntityFrameworkCore;

namespace RiskIntel.Core.Persistence.Providers;

// One subclass per provider so each owns its migrations (EF Core: "one context type per provider").
public sealed class SqliteRiskIntelDbContext(DbContextOptions<SqliteRiskIntelDbContext> options)
    : RiskIntelDbContext(options);

public sealed class SqlServerRiskIntelDbContext(DbContextOptions<SqlServerRiskIntelDbContext> options)
    : RiskIntelDbContext(options);

public sealed class NpgsqlRiskIntelDbContext(DbContextOptions<NpgsqlRiskIntelDbContext> options)
    : RiskIntelDbContext(options);
