using System.ComponentModel.DataAnnotations;

namespace RiskIntel.Core.Files;

public sealed class FilesOptions
{
    public const string SectionName = "Files";

    /// <summary>The folder of the local file store; relative paths are under the app's content root.</summary>
    [Required]
    public string Root { get; set; } = "App_Data/files";
}
