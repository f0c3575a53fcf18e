using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace RiskIntel.Core.Persistence;

/// <summary>
/// All times are stored as UTC <see cref="DateTime"/> (SQLite cannot order DateTimeOffset); this marks
/// values read back as UTC so they serialise with their offset.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
