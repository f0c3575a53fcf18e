using System.Text.Json;
using System.Text.Json.Serialization;

namespace RiskIntel.Core.Jobs;

/// <summary>The job's JSON through source-generated metadata, on the API's conventions (<see cref="ApiJson"/>).</summary>
public static class JobJson
{
    private static readonly JobJsonContext Context = Create();

    public static byte[] Serialize(JobDto job) => JsonSerializer.SerializeToUtf8Bytes(job, Context.JobDto);

    private static JobJsonContext Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);
        return new JobJsonContext(options);
    }
}

[JsonSerializable(typeof(JobDto))]
internal sealed partial class JobJsonContext : JsonSerializerContext;
