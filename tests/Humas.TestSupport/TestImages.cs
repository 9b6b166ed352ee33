using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Humas.TestSupport;

/// <summary>
/// Small images built byte by byte, carrying the metadata a phone writes: an EXIF block with a GPS
/// position (6°10'30" S, 106°49'40" E), a comment, XMP. Built here so that tests need no image
/// files and no image library.
/// </summary>
public static class TestImages
{
    public const double Latitude = -(6 + 10 / 60.0 + 30 / 3600.0);
    public const double Longitude = 106 + 49 / 60.0 + 40 / 3600.0;

    /// <summary>The words in the comment and XMP blocks, to look for in the bytes.</summary>
    public const string Secret = "rumah-pelapor-jalan-mawar";

    /// <summary>
    /// A TIFF structure (little-endian) as EXIF holds it: IFD0 with a pointer to the GPS IFD, which holds
    /// the latitude and longitude with their hemispheres.
    /// </summary>
    public static byte[] ExifWithGps()
    {
        var tiff = new byte[8 + 2 + 12 + 4 + 2 + 4 * 12 + 4 + 2 * 24];
        var s = tiff.AsSpan();
        "II"u8.CopyTo(s);
        BinaryPrimitives.WriteUInt16LittleEndian(s[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(s[4..], 8);
        const int gpsIfd = 8 + 2 + 12 + 4;
        const int rationals = gpsIfd + 2 + 4 * 12 + 4;
        BinaryPrimitives.WriteUInt16LittleEndian(s[8..], 1);
        Entry(s[10..], 0x8825, 4, 1, gpsIfd); // GPSInfo, LONG
        BinaryPrimitives.WriteUInt16LittleEndian(s[gpsIfd..], 4);
        Entry(s[(gpsIfd + 2)..], 0x0001, 2, 2, 'S'); // GPSLatitudeRef, ASCII "S\0" inline
        Entry(s[(gpsIfd + 14)..], 0x0002, 5, 3, rationals); // GPSLatitude, 3 RATIONAL
        Entry(s[(gpsIfd + 26)..], 0x0003, 2, 2, 'E');
        Entry(s[(gpsIfd + 38)..], 0x0004, 5, 3, rationals + 24);
        uint[] values = [6, 1, 10, 1, 30, 1, 106, 1, 49, 1, 40, 1];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(s[(rationals + 4 * i)..], values[i]);
        return tiff;

        static void Entry(Span<byte> at, ushort tag, ushort type, uint count, int value)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(at, tag);
            BinaryPrimitives.WriteUInt16LittleEndian(at[2..], type);
            BinaryPrimitives.WriteUInt32LittleEndian(at[4..], count);
            BinaryPrimitives.WriteUInt32LittleEndian(at[8..], (uint)value);
        }
    }

    private static byte[] Segment(byte marker, ReadOnlySpan<byte> payload)
    {
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment.AsSpan(4));
        return segment;
    }

    private static readonly byte[] Xmp = Encoding.ASCII.GetBytes(
        $"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description dc:description=\"{Secret}\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"/></rdf:RDF></x:xmpmeta>");

    /// <summary>
    /// A baseline JPEG of one 8×8 grey block that any decoder reads (DC 0, end of block, one-code Huffman
    /// tables), with JFIF, EXIF (GPS), XMP and a comment before it and a few bytes after its end.
    /// </summary>
    public static byte[] JpegWithGps()
    {
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        jpeg.Write(Segment(0xE0, "JFIF\0\u0001\u0001\0\0\u0001\0\u0001\0\0"u8));
        jpeg.Write(Segment(0xE1, [.. "Exif\0\0"u8, .. ExifWithGps()]));
        jpeg.Write(Segment(0xE1, Xmp));
        jpeg.Write(Segment(0xFE, Encoding.ASCII.GetBytes(Secret)));
        jpeg.Write(Segment(0xDB, [0x00, .. Enumerable.Repeat((byte)1, 64)]));
        jpeg.Write(Segment(0xC0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]));
        byte[] oneCode = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00];
        jpeg.Write(Segment(0xC4, [0x00, .. oneCode]));
        jpeg.Write(Segment(0xC4, [0x10, .. oneCode]));
        jpeg.Write(Segment(0xDA, [1, 1, 0x00, 0, 63, 0]));
        jpeg.Write([0x3F]); // DC difference 0 ("0"), end of block ("0"), padded with ones
        jpeg.Write([0xFF, 0xD9]);
        jpeg.Write(Encoding.ASCII.GetBytes(Secret)); // trailing bytes after the image
        return jpeg.ToArray();
    }

    private static byte[] Chunk(string type, ReadOnlySpan<byte> data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>A 2×2 grey PNG with gAMA, an eXIf chunk (GPS), a tEXt comment and an iTXt XMP packet, and bytes after IEND.</summary>
    public static byte[] PngWithGps()
    {
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write([0, 0x40, 0xC0, 0, 0xC0, 0x40]);
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        png.Write(Chunk("IHDR", [0, 0, 0, 2, 0, 0, 0, 2, 8, 0, 0, 0, 0]));
        png.Write(Chunk("gAMA", [0, 0, 0xB1, 0x8F]));
        png.Write(Chunk("eXIf", ExifWithGps()));
        png.Write(Chunk("tEXt", Encoding.ASCII.GetBytes("Comment\0" + Secret)));
        png.Write(Chunk("iTXt", [.. "XML:com.adobe.xmp\0\0\0\0\0"u8, .. Xmp.AsSpan(Xmp.AsSpan().IndexOf((byte)0) + 1)]));
        png.Write(Chunk("IDAT", pixels.ToArray()));
        png.Write(Chunk("IEND", []));
        png.Write(Encoding.ASCII.GetBytes(Secret));
        return png.ToArray();
    }

    /// <summary>An extended WebP (VP8X with the EXIF and XMP flags) whose EXIF chunk holds a GPS position and whose XMP chunk names the secret.</summary>
    public static byte[] WebPWithGps()
    {
        static byte[] RiffChunk(string code, ReadOnlySpan<byte> data)
        {
            var chunk = new byte[8 + data.Length + (data.Length & 1)];
            Encoding.ASCII.GetBytes(code).CopyTo(chunk, 0);
            BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), (uint)data.Length);
            data.CopyTo(chunk.AsSpan(8));
            return chunk;
        }
        // VP8X: flags (EXIF 0x08, XMP 0x04), 3 reserved bytes, canvas width-1 and height-1 on 24 bits each (1×1).
        byte[] body = [.. "WEBP"u8, .. RiffChunk("VP8X", [0x0C, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
            .. RiffChunk("VP8L", [0x2F, 0, 0, 0, 0, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xFE, 0x07, 0, 0]),
            .. RiffChunk("EXIF", ExifWithGps()), .. RiffChunk("XMP ", Xmp.AsSpan(Xmp.AsSpan().IndexOf((byte)0) + 1))];
        return [.. "RIFF"u8, .. BitConverter.IsLittleEndian ? BitConverter.GetBytes((uint)body.Length) : BitConverter.GetBytes((uint)body.Length).Reverse(), .. body];
    }
}
