using Azure.Data.Tables;
using ChatOps.Core.Storage;

namespace ChatOps.Storage;

/// <summary>
/// Table storage limits (learn.microsoft.com "Understanding the Table service data model"): a string property
/// holds at most 64 KiB (32K UTF-16 characters), an entity at most 1 MiB, a transaction at most 100 entities and 4 MiB.
/// We check before writing so an oversized value is refused with a clear message, never truncated.
/// </summary>
internal static class EntityLimits
{
    public const int MaxStringChars = 32 * 1024;
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxTransactionEntities = 100;
    public const int MaxTransactionBytes = 4 * 1024 * 1024;

    public static int Check(TableEntity entity, string what)
    {
        var size = 4 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2);
        foreach (var (name, value) in entity)
        {
            size += 8 + (name.Length * 2);
            switch (value)
            {
                case string s when s.Length > MaxStringChars:
                    throw new EntityTooLargeException(
                        $"{what}: '{name}' is {s.Length:N0} characters; Table storage allows {MaxStringChars:N0} per text value. Shorten it and try again.");
                case string s:
                    size += 4 + (s.Length * 2);
                    break;
                case byte[] b:
                    size += 4 + b.Length;
                    break;
                default:
                    size += 8;
                    break;
            }
        }

        if (size > MaxEntityBytes)
        {
            throw new EntityTooLargeException($"{what} would be {size:N0} bytes; Table storage allows {MaxEntityBytes:N0} per row.");
        }

        return size;
    }
}
