using System.Buffers;

namespace ChatOps.Http;

/// <summary>Reads a channel's inbound request body, but never more than a limit (the rest is not read at all).</summary>
public static class InboundBody
{
    /// <summary>The whole body, or null when the declared length or the bytes actually sent exceed <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, long? declaredLength, int maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (declaredLength > maxBytes)
        {
            return null;
        }

        // Every inbound request passes here: size the buffer from the declared length and borrow the read chunk.
        using var buffer = declaredLength is { } length ? new MemoryStream((int)length) : new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}
