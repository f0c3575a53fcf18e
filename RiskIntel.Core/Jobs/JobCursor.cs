using System.Globalization;
using System.Text;

namespace RiskIntel.Core.Jobs;

/// <summary>An opaque keyset cursor: the creation time and id of the last job on the previous page.</summary>
public static class JobCursor
{
    public static string Format(DateTime createdAt, Guid id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{createdAt.Ticks.ToString(CultureInfo.InvariantCulture)}:{id:N}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryParse(string? cursor, out (DateTime CreatedAt, Guid Id) position)
    {
        position = default;
        if (string.IsNullOrWhiteSpace(cursor) || cursor.Length > 200)
        {
            return false;
        }

        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split(':');

            // Only what Format writes: a tick count a DateTime can hold (a forged "-1" must not reach the DateTime constructor).
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTime.MaxValue.Ticks && Guid.TryParseExact(parts[1], "N", out var id))
            {
                position = (new DateTime(ticks, DateTimeKind.Utc), id);
                return true;
            }
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
        }

        return false;
    }
}
