using System.Net.Sockets;
using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace GuidanceBot.BotFramework.Storage;

/// <summary>
/// Keeps the Data Protection key ring in one blob (<see cref="BlobName"/>) beside the state blobs, so that
/// every instance on the same storage account encrypts and decrypts with the same keys. (The package that
/// does this, <c>Azure.Extensions.AspNetCore.DataProtection.Blobs</c>, is not in our feed.) Adding a key is a
/// read-modify-write with the blob's ETag, retried on a conflict, so two instances that create a key at the
/// same moment both keep theirs; a key the ring already holds (its id) is not added again. Data Protection
/// calls this synchronously, and rarely: it caches the ring.
/// </summary>
internal sealed class BlobXmlRepository : IXmlRepository
{
    /// <summary>The key ring blob; outside <see cref="AzureBlobStorage.StatePrefix"/>, so no lifecycle rule for state removes it.</summary>
    public const string BlobName = "dataprotection/keys.xml";

    private const int MaxStoreAttempts = 10;
    private static readonly XName RootName = "repository";
    private static readonly XName IdAttribute = "id";

    private readonly BlobContainerClient _container;
    private readonly BlobClient _blob;

    public BlobXmlRepository(BlobContainerClient container)
    {
        _container = container;
        _blob = container.GetBlobClient(BlobName);
    }

    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. Read().Document.Root!.Elements()];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        for (var attempt = 1; attempt <= MaxStoreAttempts; attempt++)
        {
            var (document, eTag) = Read();
            if (Holds(document.Root!, element))
            {
                // Our own earlier attempt landed and only its answer was lost (the client's retry then met 412):
                // adding the key again would put its id in the ring twice, and Data Protection refuses such a ring.
                return;
            }

            document.Root!.Add(new XElement(element));
            var conditions = eTag is { } current
                ? new BlobRequestConditions { IfMatch = current }
                : new BlobRequestConditions { IfNoneMatch = ETag.All };
            try
            {
                Guard(() => _blob.Upload(
                    BinaryData.FromString(document.ToString(SaveOptions.DisableFormatting)),
                    new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/xml" } }));
                return;
            }
            catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
            {
                Guard(() => _container.CreateIfNotExists());
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another instance stored a key in between: read again and add ours to theirs.
            }
        }

        throw new StorageConflictException($"The data protection key ring blob kept changing; gave up after {MaxStoreAttempts} attempts.");
    }

    /// <summary>
    /// Whether the ring already has a key with <paramref name="element"/>'s <c>id</c> (a new GUID per key). Elements
    /// without one (revocations) are not looked for: Data Protection loads a ring with a revocation repeated (tried).
    /// </summary>
    private static bool Holds(XElement root, XElement element) =>
        (string?)element.Attribute(IdAttribute) is { } id
        && root.Elements(element.Name).Any(e => string.Equals((string?)e.Attribute(IdAttribute), id, StringComparison.Ordinal));

    private (XDocument Document, ETag? ETag) Read()
    {
        try
        {
            var result = Guard(() => _blob.DownloadContent()).Value;
            return (XDocument.Parse(result.Content.ToString()), result.Details.ETag);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return (new XDocument(new XElement(RootName)), null);
        }
    }

    // Never answer "no keys" when the store is down: Data Protection would make a new key ring.
    private static T Guard<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (RequestFailedException ex) when (ex.Status is 0 or 401 or 403 or 408 or 429 or >= 500)
        {
            throw new StorageUnavailableException($"The key ring blob could not be read or written ({ex.Status}).", ex);
        }
        catch (Exception ex) when (ex is AggregateException or SocketException or HttpRequestException or IOException)
        {
            throw new StorageUnavailableException("The key ring blob could not be reached.", ex);
        }
        catch (OperationCanceledException ex)
        {
            throw new StorageUnavailableException("The key ring blob did not answer in time.", ex);
        }
    }
}
