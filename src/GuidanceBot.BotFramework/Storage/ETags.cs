using System.Security.Cryptography;

namespace GuidanceBot.BotFramework.Storage;

/// <summary>New ETags: random, so that a rewrite with the same content still invalidates older reads.</summary>
internal static class ETags
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
