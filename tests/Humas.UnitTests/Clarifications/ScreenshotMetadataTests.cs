using System.Security.Cryptography;
using System.Text;
using Humas.Clarifications.Reports;
using Humas.ServiceDefaults.Problems;
using Humas.TestSupport;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Gif;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.Png;

namespace Humas.UnitTests.Clarifications;

/// <summary>
/// Screenshots are stored without their metadata (docs/adr/0008): images carrying an EXIF GPS
/// position, XMP and comments, built in TestImages, read before and after by MetadataExtractor (an
/// independent parser).
/// </summary>
public class ScreenshotMetadataTests
{
    private static IReadOnlyList<MetadataExtractor.Directory> Read(byte[] image) => ImageMetadataReader.ReadMetadata(new MemoryStream(image));

    private static GeoLocation? GpsOf(byte[] image) =>
        Read(image).OfType<GpsDirectory>().Select(g => g.GetGeoLocation()).FirstOrDefault(at => at is not null);

    private static bool Holds(byte[] image, string text) => image.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text)) >= 0;

    private static void AssertGpsThenGone(byte[] original, byte[] stripped)
    {
        var before = GpsOf(original);
        Assert.NotNull(before);
        Assert.Equal(TestImages.Latitude, before.Latitude, 4);
        Assert.Equal(TestImages.Longitude, before.Longitude, 4);
        Assert.True(Holds(original, TestImages.Secret));

        Assert.Null(GpsOf(stripped));
        Assert.Empty(Read(stripped).OfType<GpsDirectory>());
        Assert.Empty(Read(stripped).OfType<ExifIfd0Directory>());
        Assert.False(Holds(stripped, TestImages.Secret));
        Assert.False(Holds(stripped, "Exif\0\0"));
    }

    [Fact]
    public void A_jpeg_loses_its_exif_gps_xmp_comment_and_trailing_bytes_and_keeps_every_segment_that_draws_it()
    {
        var original = TestImages.JpegWithGps();
        var stripped = ImageMetadata.StripJpeg(original)!;
        AssertGpsThenGone(original, stripped);

        var frame = Read(stripped).OfType<JpegDirectory>().Single();
        Assert.Equal(8, frame.GetImageWidth());
        Assert.Equal(8, frame.GetImageHeight());
        Assert.Contains(Read(stripped), d => d.Name == "JFIF");
        // What is left is the original minus the dropped segments, byte for byte, and ends at its end marker.
        Assert.Equal([0xFF, 0xD8], stripped[..2]);
        Assert.Equal([0x3F, 0xFF, 0xD9], stripped[^3..]);
        var scan = original.AsSpan().IndexOf([(byte)0xFF, (byte)0xDB]);
        Assert.True(stripped.AsSpan().EndsWith(original.AsSpan(scan, original.Length - scan - TestImages.Secret.Length)));
    }

    [Fact]
    public void Jpeg_scan_data_with_stuffed_bytes_restart_markers_and_a_second_scan_is_copied_whole()
    {
        byte[] sos = [0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 63, 0];
        byte[] comment = [0xFF, 0xFE, 0, 6, (byte)'g', (byte)'p', (byte)'s', (byte)'!'];
        byte[] jpeg = [0xFF, 0xD8, .. sos, 0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, .. comment, 0xFF, 0xFF, .. sos, 0x78, 0xFF, 0xD9];
        var stripped = ImageMetadata.StripJpeg(jpeg)!;
        Assert.Equal([0xFF, 0xD8, .. sos, 0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, .. sos, 0x78, 0xFF, 0xD9], stripped);
    }

    [Theory]
    [InlineData("truncated segment")]
    [InlineData("no end marker")]
    [InlineData("length past the end")]
    public void A_jpeg_that_cannot_be_walked_to_its_end_is_refused(string damage)
    {
        var jpeg = TestImages.JpegWithGps();
        var end = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xD9]);
        byte[] damaged = damage switch
        {
            "truncated segment" => jpeg[..30],
            "no end marker" => jpeg[..end],
            _ => [0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xF0, 1, 2, 3],
        };
        Assert.Null(ImageMetadata.StripJpeg(damaged));
    }

    [Fact]
    public void A_png_loses_its_exif_text_and_xmp_chunks_and_keeps_the_critical_and_rendering_ones()
    {
        var original = TestImages.PngWithGps();
        var stripped = ImageMetadata.StripPng(original)!;
        Assert.True(Holds(original, "eXIf"));
        AssertGpsThenGone(original, stripped);
        Assert.False(Holds(stripped, "eXIf") || Holds(stripped, "tEXt") || Holds(stripped, "iTXt"));
        foreach (var kept in new[] { "IHDR", "gAMA", "IDAT", "IEND" }) Assert.True(Holds(stripped, kept), kept);
        var header = Read(stripped).OfType<PngDirectory>().First(d => d.GetPngChunkType() == PngChunkType.IHDR);
        Assert.Equal(2, header.GetInt32(PngDirectory.TagImageWidth));
        Assert.True(stripped.AsSpan().EndsWith("IEND"u8.ToArray().Concat(new byte[] { 0xAE, 0x42, 0x60, 0x82 }).ToArray()));
    }

    [Fact]
    public void A_png_not_starting_with_its_header_or_cut_short_is_refused()
    {
        var png = TestImages.PngWithGps();
        Assert.Null(ImageMetadata.StripPng(png[..40]));
        byte[] noHeader = [.. png[..8], .. png[33..]];
        Assert.Null(ImageMetadata.StripPng(noHeader));
    }

    [Fact]
    public void A_webp_loses_its_exif_and_xmp_chunks_and_their_flags_and_its_riff_size_is_written_again()
    {
        var original = TestImages.WebPWithGps();
        var stripped = ImageMetadata.StripWebP(original)!;
        AssertGpsThenGone(original, stripped);
        Assert.Equal(stripped.Length - 8, BitConverter.ToInt32(stripped, 4));
        Assert.Equal(0, stripped[20] & 0x0C);
        Assert.True(Holds(stripped, "VP8L"));
    }

    /// <summary>A 1×1 GIF89a that loops, with a comment, an XMP application block and bytes after its trailer.</summary>
    private static byte[] GifWithComment()
    {
        var gif = new List<byte>();
        gif.AddRange("GIF89a"u8.ToArray());
        gif.AddRange([1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF]); // screen 1×1, a colour table of 2
        gif.AddRange([0x21, 0xFF, 11, .. "NETSCAPE2.0"u8.ToArray(), 3, 1, 0, 0, 0]);
        var comment = Encoding.ASCII.GetBytes($"diambil di rumah {TestImages.Secret}");
        gif.AddRange([0x21, 0xFE, (byte)comment.Length, .. comment, 0]);
        var xmp = Encoding.ASCII.GetBytes($"<x:xmpmeta>{TestImages.Secret}</x:xmpmeta>");
        gif.AddRange([0x21, 0xFF, 11, .. "XMP DataXMP"u8.ToArray(), (byte)xmp.Length, .. xmp, 0]);
        gif.AddRange([0x21, 0xF9, 4, 0, 0, 0, 0, 0]); // graphic control
        gif.AddRange([0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0, 0x3B]);
        gif.AddRange(Encoding.ASCII.GetBytes(TestImages.Secret));
        return [.. gif];
    }

    [Fact]
    public void A_gif_loses_its_comment_its_xmp_block_and_trailing_bytes_and_keeps_its_image_and_looping()
    {
        var original = GifWithComment();
        Assert.Contains(TestImages.Secret, Read(original).OfType<GifCommentDirectory>().Single().GetString(GifCommentDirectory.TagComment));

        var stripped = ImageMetadata.Strip("image/gif", original)!;

        Assert.Empty(Read(stripped).OfType<GifCommentDirectory>());
        Assert.False(Holds(stripped, TestImages.Secret));
        Assert.False(Holds(stripped, "XMP DataXMP"));
        Assert.True(Holds(stripped, "NETSCAPE2.0"));
        var header = Read(stripped).OfType<GifHeaderDirectory>().Single();
        Assert.Equal(1, header.GetInt32(GifHeaderDirectory.TagImageWidth));
        byte[] image = [0x21, 0xF9, 4, 0, 0, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0, 0x3B];
        Assert.True(stripped.AsSpan().EndsWith(image), "the graphic control and the image are copied byte for byte, then the trailer");
    }

    [Theory]
    [InlineData(20)]
    [InlineData(60)]
    public void A_gif_cut_short_is_refused(int length) => Assert.Null(ImageMetadata.StripGif(GifWithComment()[..length]));

    [Fact]
    public void The_checksum_and_size_recorded_are_those_of_the_stored_image()
    {
        var report = Report.Initial with { Id = Guid.NewGuid(), Number = "KPU-33.21-LAP-2026-00001", UnitId = "kpu-33.21" };
        var original = TestImages.JpegWithGps();
        var (attached, stored) = Screenshots.Decide(report, original, Guid.NewGuid(), new ScreenshotSettings(), "reporter", DateTimeOffset.UtcNow);
        Assert.Equal("image/jpeg", attached.MediaType);
        Assert.Equal(stored.Length, attached.Size);
        Assert.True(stored.Length < original.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(stored)), attached.Sha256);
        Assert.Null(GpsOf(stored));

        var damaged = Assert.Throws<Refusal>(() => Screenshots.Decide(report, original[..40], Guid.NewGuid(), new ScreenshotSettings(), "reporter", DateTimeOffset.UtcNow));
        Assert.Equal("clarification.screenshot.damaged", damaged.Code);
    }
}
