using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace Digits;

/// <summary>
/// The handwritten digits (samples/Digits/Data/NOTICE.md): 8×8 images, each pixel 0–16, and their labels 0–9. Pixels
/// are scaled to [0, 1] on loading, so that the first layer's inputs are of the same order as its weights.
/// </summary>
public sealed class DigitsData
{
    /// <summary>Pixels per image.</summary>
    public const int Pixels = 64;

    /// <summary>Digit classes.</summary>
    public const int Classes = 10;

    private DigitsData(float[] images, int[] labels)
    {
        Images = images;
        Labels = labels;
    }

    /// <summary>Where the sample and the projects that reference the model find the data: copied next to the program.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Data", "digits.csv.gz");

    /// <summary>The images, row-major: image i is elements [64·i, 64·i + 64), each pixel scaled to [0, 1].</summary>
    public float[] Images { get; }

    /// <summary>The digit of each image.</summary>
    public int[] Labels { get; }

    /// <summary>How many images.</summary>
    public int Count => Labels.Length;

    /// <summary>
    /// Reads the gzip-compressed CSV: one image per line, 64 pixels then the label, no header. Throws
    /// <see cref="InvalidDataException"/> naming the file (and the line, for a line that does not parse) for anything
    /// else, a truncated or corrupt file included, and <see cref="FileNotFoundException"/> when it is missing.
    /// </summary>
    public static DigitsData Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The digits data set is not at '{path}'.", path);
        }

        var text = Decompress(path);
        var images = new List<float>();
        var labels = new List<int>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            // The file ends with a newline: the empty string after it is no line.
            if (i == lines.Length - 1 && lines[i].Length == 0)
            {
                break;
            }

            ParseLine(lines[i].TrimEnd('\r'), images, labels, path, i + 1);
        }

        if (labels.Count == 0)
        {
            throw new InvalidDataException($"{path}: no images in the file.");
        }

        return new DigitsData(images.ToArray(), labels.ToArray());
    }

    /// <summary>
    /// The file's text. GZipStream stops without complaint where a file was cut short, so the length the gzip trailer
    /// records (its last four bytes, RFC 1952 ISIZE) is compared with what came out.
    /// </summary>
    private static string Decompress(string path)
    {
        var compressed = File.ReadAllBytes(path);
        var text = new MemoryStream();
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            gzip.CopyTo(text);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: not a valid gzip file, or a corrupt one ({e.Message})", e);
        }

        var recorded = compressed.Length >= 4 ? BinaryPrimitives.ReadUInt32LittleEndian(compressed.AsSpan(compressed.Length - 4)) : 0;
        if (compressed.Length < 18 || recorded != (uint)text.Length)
        {
            var lines = text.GetBuffer().AsSpan(0, (int)text.Length).Count((byte)'\n');
            throw new InvalidDataException($"{path}: the gzip file is truncated or corrupt: its text stops after line {lines} ({text.Length} bytes came out, its trailer records {recorded}).");
        }

        return Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length);
    }

    private static void ParseLine(string line, List<float> images, List<int> labels, string path, int lineNumber)
    {
        var fields = line.Split(',');
        if (fields.Length != Pixels + 1)
        {
            throw LineError(path, lineNumber, $"expected {Pixels + 1} comma-separated values (64 pixels and the label), found {fields.Length}");
        }

        for (var i = 0; i <= Pixels; i++)
        {
            var max = i < Pixels ? 16 : Classes - 1;
            if (!int.TryParse(fields[i], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > max)
            {
                var what = i < Pixels ? $"pixel {i}" : "the label";
                throw LineError(path, lineNumber, $"{what} is '{fields[i]}', not a whole number from 0 to {max}");
            }

            if (i < Pixels)
            {
                images.Add(value / 16f);
            }
            else
            {
                labels.Add(value);
            }
        }
    }

    private static InvalidDataException LineError(string path, int lineNumber, string what)
        => new($"{path}, line {lineNumber}: {what}.");

    /// <summary>
    /// A deterministic shuffle (the same on every platform: a seeded <see cref="Random"/> is) split in two: the first
    /// <paramref name="testFraction"/> of the shuffled images for testing, the rest for training.
    /// </summary>
    public (DigitsData Train, DigitsData Test) Split(double testFraction, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(testFraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(testFraction, 1);
        var order = Permutation(Count, seed);
        var testCount = (int)Math.Round(Count * testFraction);
        return (Subset(order.AsSpan(testCount)), Subset(order.AsSpan(0, testCount)));
    }

    /// <summary>A random order of 0 … count − 1 (Fisher–Yates), the same for the same seed.</summary>
    public static int[] Permutation(int count, int seed)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        new Random(seed).Shuffle(order);
        return order;
    }

    private DigitsData Subset(ReadOnlySpan<int> indices)
    {
        var images = new float[indices.Length * Pixels];
        var labels = new int[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            Images.AsSpan(indices[i] * Pixels, Pixels).CopyTo(images.AsSpan(i * Pixels));
            labels[i] = Labels[indices[i]];
        }

        return new DigitsData(images, labels);
    }
}
