namespace GuidanceBot.Testing;

/// <summary>
/// A read-only, non-seekable stream over <paramref name="data"/> that hands out at most
/// <paramref name="maxPerRead"/> bytes per read: a body that arrives in pieces and whose length is not known
/// up front (an HTTP client sends it chunked).
/// </summary>
public sealed class TrickleStream(byte[] data, int maxPerRead = 1000) : Stream
{
    private int _position;

    /// <summary>How many reads returned data.</summary>
    public int Reads { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(Math.Min(count, maxPerRead), data.Length - _position);
        Array.Copy(data, _position, buffer, offset, n);
        _position += n;
        if (n > 0)
        {
            Reads++;
        }

        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
