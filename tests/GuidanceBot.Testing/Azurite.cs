using System.Net.Sockets;
using Azure.Storage.Blobs;

namespace GuidanceBot.Testing;

/// <summary>
/// The one rule for tests that need Azurite (a local Azure Blob Storage): its connection string comes
/// from <see cref="EnvironmentVariable"/>, which <c>.ci/run</c> sets after starting it (locally:
/// <c>bash .ci/azurite start FOLDER</c> prints one). Without it, or when nothing answers there, the test
/// is skipped with the reason — unless <see cref="ToolRequirement.IsCi"/>: then it fails, so a CI run can
/// never pass by skipping the scale-out tests (the same rule as for the other tools). Call it first in a
/// <c>[SkippableFact]</c>.
/// </summary>
public static class Azurite
{
    /// <summary>The environment variable holding Azurite's connection string.</summary>
    public const string EnvironmentVariable = "GUIDANCEBOT_TEST_AZURITE";

    private static readonly Lazy<(string? ConnectionString, string? Problem)> Availability = new(Probe);

    /// <summary>Azurite's connection string; skips (locally) or fails (in CI) the test when it is unavailable.</summary>
    public static string RequireConnectionString()
    {
        var (connectionString, problem) = Availability.Value;
        if (problem is null)
        {
            return connectionString!;
        }

        if (ToolRequirement.IsCi)
        {
            Assert.Fail($"CI=true and {problem} CI must run the Azurite tests: .ci/run starts it.");
        }

        Skip.If(true, $"{problem} Start it with `bash .ci/azurite start FOLDER` and export the printed connection string as {EnvironmentVariable}.");
        throw new InvalidOperationException("Unreachable: Skip.If throws.");
    }

    /// <summary>A container name of its own for one test (containers are the unit of isolation).</summary>
    public static string NewContainerName(string purpose) =>
        $"{purpose}-{Guid.NewGuid():N}"[..Math.Min(63, purpose.Length + 33)].ToLowerInvariant();

    /// <summary>The container <paramref name="name"/> on Azurite (not created).</summary>
    public static BlobContainerClient Container(string name) => new(RequireConnectionString(), name);

    /// <summary>The blob endpoint of <paramref name="connectionString"/>.</summary>
    public static Uri BlobEndpoint(string connectionString) =>
        new BlobServiceClient(connectionString).Uri;

    /// <summary><paramref name="connectionString"/> with its blob endpoint moved to <paramref name="port"/> on the same host.</summary>
    public static string WithBlobPort(string connectionString, int port)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var endpoint = BlobEndpoint(connectionString);
        var moved = new UriBuilder(endpoint) { Port = port }.Uri;
        return connectionString.Replace(endpoint.GetLeftPart(UriPartial.Authority), moved.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal);
    }

    private static (string?, string?) Probe()
    {
        var connectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return (null, $"Azurite is not available: {EnvironmentVariable} is not set.");
        }

        Uri endpoint;
        try
        {
            endpoint = BlobEndpoint(connectionString);
        }
        catch (FormatException)
        {
            return (null, $"Azurite is not available: {EnvironmentVariable} is not a storage connection string.");
        }

        try
        {
            using var client = new TcpClient();
            // A bounded wait for a local port; an answer is expected at once when Azurite runs.
            if (!client.ConnectAsync(endpoint.Host, endpoint.Port).Wait(TimeSpan.FromSeconds(5)))
            {
                return (null, $"Azurite is not available: nothing answered at {endpoint.Authority}.");
            }
        }
        catch (AggregateException)
        {
            return (null, $"Azurite is not available: nothing answers at {endpoint.Authority}.");
        }

        return (connectionString, null);
    }
}
