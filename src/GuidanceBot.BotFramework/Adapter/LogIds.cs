using System.Security.Cryptography;
using System.Text;

namespace GuidanceBot.BotFramework.Adapter;

/// <summary>
/// Turns conversation and user ids into short hashes for logs: enough to correlate the lines of one
/// conversation, not enough to identify a professional in Teams.
/// </summary>
public static class LogIds
{
    public static string Hash(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "-";
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(id), digest);
        return Convert.ToHexStringLower(digest[..6]);
    }
}
