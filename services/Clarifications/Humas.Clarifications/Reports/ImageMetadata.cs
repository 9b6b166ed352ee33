using System.Buffers.Binary;

namespace Humas.Clarifications.Reports;

/// <summary>
/// Takes out of a screenshot what describes the picture rather than draws it (docs/adr/0008): the
/// EXIF block with its GPS position, camera and times, XMP, IPTC, comments and text chunks. A phone
/// writes the place a photo was taken into it; a verifier needs the pixels, not the reporter's home.
/// The image is not re-encoded: the segments or chunks that draw it are copied byte for byte, and
/// only those known to be harmless besides them are kept (colour profiles, transparency, gamma).
/// Anything after the image's end marker goes too. An image whose structure cannot be walked to its
/// end is refused (null) rather than stored with what could not be looked at.
/// </summary>
public static class ImageMetadata
{
    /// <summary>The image without its metadata, or null when its structure is broken.</summary>
    public static byte[]? Strip(string mediaType, ReadOnlySpan<byte> image) => mediaType switch
    {
        "image/jpeg" => StripJpeg(image),
        "image/png" => StripPng(image),
        "image/webp" => StripWebP(image),
        "image/gif" => StripGif(image),
        _ => null,
    };

    private const byte StartOfScan = 0xDA, EndOfImage = 0xD9, Comment = 0xFE;

    /// <summary>
    /// JPEG: a sequence of marker segments (FF xx, then a big-endian length that counts itself), the
    /// entropy-coded scan data after each start of scan (where FF is stuffed as FF 00 and restart
    /// markers stand alone), up to the end-of-image marker. APP0 (JFIF), an APP2 ICC profile and APP14
    /// (Adobe colour transform) are kept; every other APPn (APP1 is EXIF and XMP, APP13 IPTC) and
    /// comments are dropped.
    /// </summary>
    public static byte[]? StripJpeg(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8) return null;
        using var output = new MemoryStream(jpeg.Length);
        output.Write(jpeg[..2]);
        var i = 2;
        while (true)
        {
            if (i >= jpeg.Length || jpeg[i] != 0xFF) return null;
            while (i < jpeg.Length && jpeg[i] == 0xFF) i++; // fill bytes before a marker
            if (i >= jpeg.Length) return null;
            var marker = jpeg[i++];
            if (marker == EndOfImage)
            {
                output.Write([0xFF, EndOfImage]);
                return output.ToArray();
            }
            if (marker is >= 0xD0 and <= 0xD7 or 0x01)
            {
                output.Write([0xFF, marker]);
                continue;
            }
            if (marker is 0x00 or 0xD8 || i + 2 > jpeg.Length) return null;
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[i..]);
            if (length < 2 || i + length > jpeg.Length) return null;
            if (KeepsJpegSegment(marker, jpeg.Slice(i + 2, length - 2)))
            {
                output.Write([0xFF, marker]);
                output.Write(jpeg.Slice(i, length));
            }
            i += length;
            if (marker != StartOfScan) continue;
            var scan = i;
            while (i < jpeg.Length && !(jpeg[i] == 0xFF && i + 1 < jpeg.Length && jpeg[i + 1] is not 0x00 and not (>= 0xD0 and <= 0xD7))) i++;
            output.Write(jpeg[scan..i]);
        }
    }

    private static bool KeepsJpegSegment(byte marker, ReadOnlySpan<byte> payload) => marker switch
    {
        0xE0 => true,
        0xE2 => payload.StartsWith("ICC_PROFILE\0"u8),
        0xEE => payload.StartsWith("Adobe"u8),
        >= 0xE1 and <= 0xEF or Comment => false,
        _ => true,
    };

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Ancillary PNG chunks that change how the pixels look and say nothing else.</summary>
    private static readonly HashSet<string> RenderingChunks = ["tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD", "pHYs"];

    /// <summary>
    /// PNG: the signature, then chunks (big-endian length, a four-letter type, the data, a CRC) from
    /// IHDR to IEND. Critical chunks (upper-case first letter) and the rendering chunks above are kept;
    /// every other ancillary chunk (eXIf, tEXt, zTXt, iTXt with XMP, tIME, ...) is dropped.
    /// </summary>
    public static byte[]? StripPng(ReadOnlySpan<byte> png)
    {
        if (!png.StartsWith(PngSignature)) return null;
        using var output = new MemoryStream(png.Length);
        output.Write(PngSignature);
        var i = PngSignature.Length;
        var first = true;
        while (true)
        {
            if (i + 12 > png.Length) return null;
            var length = BinaryPrimitives.ReadUInt32BigEndian(png[i..]);
            if (length > png.Length - i - 12) return null;
            var typeBytes = png.Slice(i + 4, 4);
            foreach (var b in typeBytes)
                if (!char.IsAsciiLetter((char)b)) return null;
            var type = System.Text.Encoding.ASCII.GetString(typeBytes);
            if (first && type != "IHDR") return null;
            first = false;
            var chunk = png.Slice(i, 12 + (int)length);
            if (char.IsAsciiLetterUpper(type[0]) || RenderingChunks.Contains(type)) output.Write(chunk);
            if (type == "IEND") return output.ToArray();
            i += chunk.Length;
        }
    }

    private const byte VP8XExif = 0x08, VP8XXmp = 0x04;

    /// <summary>
    /// WebP: a RIFF file of chunks (a four-letter code, a little-endian size, the data padded to an even
    /// length). The EXIF and XMP chunks are dropped, the extended header's flags for them cleared and the
    /// RIFF size written again.
    /// </summary>
    public static byte[]? StripWebP(ReadOnlySpan<byte> webp)
    {
        if (webp.Length < 12 || !webp.StartsWith("RIFF"u8) || !webp[8..12].SequenceEqual("WEBP"u8)) return null;
        var riffEnd = 8L + BinaryPrimitives.ReadUInt32LittleEndian(webp[4..]);
        if (riffEnd > webp.Length) return null;
        using var output = new MemoryStream(webp.Length);
        output.Write(webp[..12]);
        var i = 12;
        while (i < riffEnd)
        {
            if (i + 8 > riffEnd) return null;
            var size = BinaryPrimitives.ReadUInt32LittleEndian(webp[(i + 4)..]);
            var total = 8L + size + (size & 1);
            if (i + total > riffEnd) return null;
            var chunk = webp.Slice(i, (int)total);
            var code = chunk[..4];
            if (code.SequenceEqual("VP8X"u8) && size >= 1)
            {
                var header = chunk.ToArray();
                header[8] &= unchecked((byte)~(VP8XExif | VP8XXmp));
                output.Write(header);
            }
            else if (!code.SequenceEqual("EXIF"u8) && !code.SequenceEqual("XMP "u8)) output.Write(chunk);
            i += (int)total;
        }
        var stripped = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(stripped.AsSpan(4), (uint)(stripped.Length - 8));
        return stripped;
    }

    private const byte GifExtension = 0x21, GifImage = 0x2C, GifTrailer = 0x3B, GifComment = 0xFE, GifApplication = 0xFF;

    /// <summary>
    /// GIF: the header and logical screen (with its colour table), then blocks up to the trailer:
    /// images (descriptor, colour table, LZW data in length-prefixed sub-blocks) and extensions (a
    /// label, then sub-blocks). Images, graphic controls and plain text are kept, and of the
    /// application extensions only looping (NETSCAPE2.0, ANIMEXTS1.0) and a colour profile
    /// (ICCRGBG1); comments and every other application block (XMP among them) are dropped.
    /// </summary>
    public static byte[]? StripGif(ReadOnlySpan<byte> gif)
    {
        if (gif.Length < 13 || !(gif.StartsWith("GIF87a"u8) || gif.StartsWith("GIF89a"u8))) return null;
        var i = 13 + ColourTableLength(gif[10]);
        if (i > gif.Length) return null;
        using var output = new MemoryStream(gif.Length);
        output.Write(gif[..i]);
        while (true)
        {
            if (i >= gif.Length) return null;
            var start = i;
            switch (gif[i])
            {
                case GifTrailer:
                    output.WriteByte(GifTrailer);
                    return output.ToArray();
                case GifImage:
                    if (i + 11 > gif.Length) return null;
                    i += 10 + ColourTableLength(gif[i + 9]) + 1; // descriptor, local colour table, LZW code size
                    if (i > gif.Length || SkipSubBlocks(gif, ref i) is false) return null;
                    output.Write(gif[start..i]);
                    break;
                case GifExtension:
                    if (i + 2 > gif.Length) return null;
                    var label = gif[i + 1];
                    i += 2;
                    var first = i;
                    if (SkipSubBlocks(gif, ref i) is false) return null;
                    if (KeepsGifExtension(label, gif[first..i])) output.Write(gif[start..i]);
                    break;
                default:
                    return null;
            }
        }
    }

    private static int ColourTableLength(byte packed) => (packed & 0x80) != 0 ? 3 << ((packed & 0x07) + 1) : 0;

    /// <summary>Moves past length-prefixed sub-blocks and their empty terminator; false if they run past the end.</summary>
    private static bool SkipSubBlocks(ReadOnlySpan<byte> gif, ref int i)
    {
        while (i < gif.Length)
        {
            var length = gif[i++];
            if (length == 0) return true;
            i += length;
        }
        return false;
    }

    private static bool KeepsGifExtension(byte label, ReadOnlySpan<byte> subBlocks) => label switch
    {
        GifComment => false,
        GifApplication => subBlocks.Length >= 12 && subBlocks[0] == 11
            && (subBlocks[1..12].SequenceEqual("NETSCAPE2.0"u8) || subBlocks[1..12].SequenceEqual("ANIMEXTS1.0"u8) || subBlocks[1..9].SequenceEqual("ICCRGBG1"u8)),
        _ => true, // graphic control, plain text
    };
}
