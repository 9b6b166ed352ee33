using System.Security.Cryptography;
using System.Text;

namespace Humas.Calendar;

/// <summary>
/// A stream id derived from what it stands for (an occurrence of a series on a date, a publication
/// learned from another service), so that doing the same thing twice finds the stream already there.
/// </summary>
public static class DeterministicId
{
    public static Guid From(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8: custom
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
