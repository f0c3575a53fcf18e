namespace RiskIntel.Core.Files;

/// <summary>The keys a store accepts: letters, digits, '-', '_', '.' and '/', never "..".</summary>
internal static class FileKeys
{
    public const int MaxLength = 200;

    public static string Checked(string key) =>
        key.Length is > 0 and <= MaxLength && !key.Contains("..", StringComparison.Ordinal) && !key.StartsWith('/')
            && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')
            ? key
            : throw new ArgumentException($"'{key}' is not a key of this store.", nameof(key));

    /// <summary>A new key for a file the store names itself: the month, then a time-ordered id.</summary>
    public static string New(DateTimeOffset now) => $"{now:yyyy-MM}/{Guid.CreateVersion7():N}";
}
