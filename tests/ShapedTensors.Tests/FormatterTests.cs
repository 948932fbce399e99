using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace ShapedTensors.Tests;

/// <summary>
/// <see cref="TensorFormatter"/> prints exactly what numpy's <c>str()</c> prints, on a table numpy computed
/// (<c>Data/numpy_str_cases.py</c> writes <c>Data/numpy_str_cases.json</c>): widths, <c>nan</c> and <c>inf</c>, the
/// switch to scientific notation, float32's shortest digits, rounding at 8 digits, line wrapping, summarizing, and
/// 0-d arrays printed as scalars.
/// </summary>
public sealed class FormatterTests
{
    public static TheoryData<string> Cases => new(Table.Value.Keys);

    private static readonly Lazy<Dictionary<string, NumpyCase>> Table = new(Read);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Prints_what_numpy_prints(string name)
    {
        var numpyCase = Table.Value[name];
        var shape = new Shape(numpyCase.Shape);
        var text = numpyCase.Float32
            ? TensorFormatter.Format<float>(shape, numpyCase.Values.Select(v => (float)v).ToArray())
            : TensorFormatter.Format<double>(shape, numpyCase.Values);
        Assert.Equal(numpyCase.Text, text);
    }

    [Fact]
    public void The_table_covers_what_it_must()
    {
        var texts = Table.Value.Values.Select(c => c.Text).ToList();
        Assert.True(Table.Value.Count >= 100, "The table is too small.");
        Assert.Contains(texts, t => t.Contains("nan", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("-inf", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("e+100", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("...", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("3.3000002", StringComparison.Ordinal));
        Assert.Contains(Table.Value.Values, c => c.Shape.Length == 0);
    }

    [Fact]
    public void Shaped_and_dynamic_tensors_print_with_it()
    {
        var values = new[] { float.NaN, 1e-5f, 1e5f, -0f };
        Assert.Equal("[    nan  1.e-05  1.e+05 -0.e+00]", DynamicTensor<float>.FromArray(new Shape(4), values).ToString());
    }

    private static Dictionary<string, NumpyCase> Read()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "numpy_str_cases.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var cases = new Dictionary<string, NumpyCase>(StringComparer.Ordinal);
        foreach (var element in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            var values = element.GetProperty("values").EnumerateArray()
                .Select(v => v.ValueKind == JsonValueKind.String ? NonFinite(v.GetString()!) : v.GetDouble())
                .ToArray();
            cases.Add(element.GetProperty("name").GetString()!, new NumpyCase(
                element.GetProperty("dtype").GetString() == "float32",
                element.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray(),
                values,
                element.GetProperty("text").GetString()!));
        }

        return cases;
    }

    private static double NonFinite(string text) => text switch
    {
        "nan" => double.NaN,
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => throw new FormatException($"'{text}' is not nan, inf or -inf."),
    };

    private sealed record NumpyCase(bool Float32, int[] Shape, double[] Values, string Text);
}
