namespace RiskIntel.Core;

/// <summary>
/// The size limits of everything a client sends, in one place (README, "Security"). A field over its limit
/// answers 400 with the field named in <c>errors</c>; a body over <see cref="MaxRequestBodyBytes"/> answers 413.
/// Lengths count characters (UTF-16 code units) of the value as received.
/// </summary>
public static class InputLimits
{
    /// <summary>Largest request body an API endpoint reads (4 MiB); an endpoint may declare its own with RequestSizeLimit.</summary>
    public const long MaxRequestBodyBytes = 4 * 1024 * 1024;

    /// <summary><c>systemPrompt</c> and <c>userPrompt</c> / <c>userPromptTemplate</c>, in previews and in the library.</summary>
    public const int MaxPromptTextLength = 100_000;

    public const int MaxPromptNameLength = 200;

    public const int MaxTags = 20;

    public const int MaxTagLength = 50;

    /// <summary>Variables of one preview.</summary>
    public const int MaxVariables = 50;

    public const int MaxVariableNameLength = 100;

    /// <summary>One variable's value (its text; a non-string value counts as its JSON).</summary>
    public const int MaxVariableValueLength = 20_000;

    public const int MaxModelIdLength = 200;

    public const int MaxCallbackUrlLength = 2_048;

    /// <summary>The <c>Idempotency-Key</c> header; a blank one counts as none.</summary>
    public const int MaxIdempotencyKeyLength = 200;

    /// <summary>A comment on a prompt.</summary>
    public const int MaxCommentLength = 10_000;

    /// <summary>Prompts in one import file.</summary>
    public const int MaxImportPrompts = 200;

    /// <summary>Email and password of a sign-in or a new account.</summary>
    public const int MaxEmailLength = 256;

    public const int MaxPasswordLength = 256;

    /// <summary>Free-text query parameters (<c>search</c>, <c>tag</c>).</summary>
    public const int MaxQueryTextLength = 200;

    /// <summary>Rows per page of every list.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Highest <c>page</c> number a page/limit list accepts.</summary>
    public const int MaxPage = 100_000;

    /// <summary>A job's <c>input</c> as stored (UTF-8 JSON, 8 MiB): the sum of the field limits above fits within it.</summary>
    public const int MaxJobInputBytes = 8 * 1024 * 1024;

    /// <summary>A job's <c>result</c> as stored (UTF-8 JSON, 16 MiB); a handler producing more fails with ValidationException.</summary>
    public const int MaxJobResultBytes = 16 * 1024 * 1024;

    /// <summary>A size for messages: <c>4 MiB</c>, <c>200 KB</c>.</summary>
    public static string Describe(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
            ? $"{bytes / (1024 * 1024)} MiB"
            : $"{bytes / 1024} KiB";
}
