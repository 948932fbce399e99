using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using Digits;
using Xunit;

namespace ShapedTensors.Digits.Tests;

/// <summary><see cref="DigitsData.Load"/> on the real file and on damaged copies of it.</summary>
public sealed class LoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("digits-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_data_set_has_1797_images_of_64_pixels_and_every_digit()
    {
        var data = Batches.All;
        Assert.Equal(1797, data.Count);
        Assert.Equal(1797 * 64, data.Images.Length);
        Assert.Equal(0, data.Labels[0]);
        Assert.Equal(5 / 16f, data.Images[2]);      // the first line starts 0,0,5,13,...
        Assert.All(data.Images, pixel => Assert.InRange(pixel, 0, 1));
        Assert.Equal(10, new System.Collections.Generic.HashSet<int>(data.Labels).Count);
    }

    [Fact]
    public void A_file_cut_short_names_the_last_line_it_holds()
    {
        // GZipStream itself stops quietly where the data ends: the cut shows only in the trailer (the last 4 bytes), so a
        // file cut between two lines would otherwise load as a smaller data set.
        var bytes = File.ReadAllBytes(DigitsData.DefaultPath);
        var path = Write("cut.csv.gz", bytes.AsSpan(0, bytes.Length / 2));
        var error = Assert.Throws<InvalidDataException>(() => DigitsData.Load(path));
        Assert.Matches(@"^\S+cut\.csv\.gz: the gzip file is truncated or corrupt: its text stops after line 8\d\d \(\d+ bytes came out, its trailer records \d+\)\.$", error.Message);

        path = Write("trailer.csv.gz", bytes.AsSpan(0, bytes.Length - 4));
        error = Assert.Throws<InvalidDataException>(() => DigitsData.Load(path));
        Assert.StartsWith($"{path}: the gzip file is truncated or corrupt: its text stops after line 1797 (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_file_names_the_file()
    {
        var bytes = File.ReadAllBytes(DigitsData.DefaultPath);
        bytes[1000] ^= 0xFF;
        var path = Write("corrupt.csv.gz", bytes);
        var error = Assert.Throws<InvalidDataException>(() => DigitsData.Load(path));
        Assert.StartsWith($"{path}: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0,1,2\n", "line 1: expected 65 comma-separated values (64 pixels and the label), found 3.")]
    [InlineData("GOOD\nGOOD\n17,ZEROS,7\n", "line 3: pixel 0 is '17', not a whole number from 0 to 16.")]
    [InlineData("GOOD\n0,ZEROS,10\n", "line 2: the label is '10', not a whole number from 0 to 9.")]
    [InlineData("GOOD\n0,ZEROS,-1\n", "line 2: the label is '-1', not a whole number from 0 to 9.")]
    [InlineData("0,ZEROS,x\n", "line 1: the label is 'x', not a whole number from 0 to 9.")]
    public void A_line_that_does_not_parse_is_named_with_what_is_wrong(string text, string expected)
    {
        // ZEROS: pixels 1 to 63; GOOD: a whole valid line (64 zero pixels, the digit 7).
        var zeros = string.Join(',', Enumerable.Repeat("0", 63));
        var path = Write("bad.csv.gz", Gzip(text.Replace("GOOD", "0," + zeros + ",7", StringComparison.Ordinal).Replace("ZEROS", zeros, StringComparison.Ordinal)));
        var error = Assert.Throws<InvalidDataException>(() => DigitsData.Load(path));
        Assert.Equal($"{path}, {expected}", error.Message);
    }

    [Fact]
    public void A_missing_file_names_its_path()
    {
        var path = Path.Combine(_folder, "absent.csv.gz");
        var error = Assert.Throws<FileNotFoundException>(() => DigitsData.Load(path));
        Assert.Equal($"The digits data set is not at '{path}'.", error.Message);
    }

    private string Write(string name, ReadOnlySpan<byte> bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }
}
