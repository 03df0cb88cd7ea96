using System.Buffers.Binary;

namespace GuidanceBot.Packaging;

/// <summary>Reads the size of a PNG from its header, enough to check Teams' icon rules.</summary>
internal static class PngInfo
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Width and height, or null when the file is not a PNG.</summary>
    public static (int Width, int Height)? ReadSize(string path)
    {
        Span<byte> header = stackalloc byte[24];
        using var file = File.OpenRead(path);
        if (file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
            || !header[..8].SequenceEqual(Signature))
        {
            return null;
        }

        // Bytes 16..24 are the IHDR chunk's width and height, big-endian.
        return (BinaryPrimitives.ReadInt32BigEndian(header[16..20]), BinaryPrimitives.ReadInt32BigEndian(header[20..24]));
    }
}
