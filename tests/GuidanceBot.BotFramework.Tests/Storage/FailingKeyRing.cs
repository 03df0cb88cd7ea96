using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace GuidanceBot.BotFramework.Tests.Storage;

/// <summary>
/// A Data Protection key ring whose reads and writes fail with <see cref="Failure"/> while it is set, and
/// wait for <see cref="Gate"/> while that is set (a key store that hangs).
/// </summary>
internal sealed class FailingKeyRing(IXmlRepository inner) : IXmlRepository
{
    public Exception? Failure { get; set; }

    public ManualResetEventSlim? Gate { get; set; }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        Gate?.Wait();
        return Failure is { } failure ? throw failure : inner.GetAllElements();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        Gate?.Wait();
        if (Failure is { } failure)
        {
            throw failure;
        }

        inner.StoreElement(element, friendlyName);
    }
}
