using System.ComponentModel.DataAnnotations;

namespace RiskIntel.Core.Files;

public sealed class FilesOptions
{
    public const string SectionName = "Files";

    /// <summary>Where documents and reports are kept: a local folder (one node) or the application database (every node).</summary>
    public FileStoreKind Store { get; set; } = FileStoreKind.Local;

    /// <summary>The folder of the local file store; relative paths are under the app's content root.</summary>
    [Required]
    public string Root { get; set; } = "App_Data/files";
}

public enum FileStoreKind
{
    /// <summary>A folder on this node's disk (<c>Files:Root</c>).</summary>
    Local,

    /// <summary>Blobs in the application database, seen by every node sharing it.</summary>
    Database,
}
