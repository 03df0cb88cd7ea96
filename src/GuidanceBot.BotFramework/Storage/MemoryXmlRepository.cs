using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace GuidanceBot.BotFramework.Storage;

/// <summary>
/// The key ring of <see cref="StorageProvider.Memory"/>: in process memory, lost on restart together with
/// the state it encrypts. Never shared, so never used when instances must share state.
/// </summary>
internal sealed class MemoryXmlRepository : IXmlRepository
{
    private readonly List<XElement> _elements = [];
    private readonly Lock _lock = new();

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_lock)
        {
            return [.. _elements.Select(e => new XElement(e))];
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        lock (_lock)
        {
            _elements.Add(new XElement(element));
        }
    }
}
