namespace RiskIntel.App.Endpoints;

/// <summary>Reading query-string values the API's way, refusing anything else rather than guessing.</summary>
public static class QueryValues
{
    /// <summary>
    /// Reads an enum written the API's way (e.g. <c>AI_PREVIEW</c>), ignoring case and underscores. Blank is
    /// "no filter"; numbers are refused (<c>status=1</c> is not a status name).
    /// </summary>
    public static bool TryParseEnum<T>(string? text, out T? value)
        where T : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var name = text.Replace("_", "", StringComparison.Ordinal);
        if (name.Length > 0 && char.IsLetter(name[0])
            && Enum.TryParse<T>(name, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    /// <summary>Reads a whole number in [<paramref name="min"/>, <paramref name="max"/>]; blank gives <paramref name="fallback"/>.</summary>
    public static bool TryParseInt(string? text, int min, int max, int fallback, out int value)
    {
        value = fallback;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value)
            && value >= min && value <= max;
    }

    /// <summary>Like <see cref="TryParseInt"/>, with blank meaning "not given" (null).</summary>
    public static bool TryParseOptionalInt(string? text, int min, int max, out int? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (TryParseInt(text, min, max, min, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }
}
