using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using ShapedTensors.Kernels;
using ShapedTensors.Tests.Shared;
using Xunit;

namespace ShapedTensors.Tests;

/// <summary>
/// SEMANTICS.md §7.1, read from the file: each run-time text (rows S, K, P, L and O) is produced by the library, exactly,
/// with the exception type and parameter the row names. Every such row has a producer here and every producer a
/// row, so a new text cannot go unlisted. (The D rows, compile-time message formats, are the analyzer tests'.)
/// </summary>
public sealed class TextCatalogTests
{
    // How each text is produced: the library call that throws it (or, for L20, the constant it is thrown with).
    private static readonly Dictionary<string, Func<object>> Producers = new()
    {
        ["S1"] = () => Throws(() => Dynamic(2, 3).Dot(Dynamic(4, 5))),
        ["S2"] = () => Throws(() => Dynamic(32, 20, 1).BatchDot(Dynamic(32, 30, 20), (1, 1))),
        ["S3"] = () => Throws(() => Dynamic(8, 2, 3).MatMul(Dynamic(8, 4, 5))),
        ["S4"] = () => Throws(() => Dynamic(8, 2, 3).MatMul(Dynamic(9, 3, 4))),
        ["S5"] = () => Throws(() => Dynamic(32, 20).BatchDot(Dynamic(32, 20))),
        ["S6"] = () => Throws(() => Dynamic(3).Dot(Dynamic(3, 4))),
        ["S7"] = () => Throws(() => Dynamic(5, 2, 3).MatMul(Dynamic(3))),
        ["S8"] = () => Throws(() => Dynamic(8, 2, 3).BatchDot(Dynamic(9, 3, 4))),
        ["S9"] = () => Throws(() => Dynamic(3).BatchDot(Dynamic(3, 4))),
        ["S10"] = () => Throws(() => Dynamic(2, 3, 4, 1).BatchDot(Dynamic(2, 3))),
        ["S11"] = () => Throws(() => Dynamic().BatchDot(Dynamic(3))),
        ["S12"] = () => Throws(() => Dynamic().Dot(Dynamic(7, 4, 5))),
        ["K1"] = () => Throws(() => Dynamic(3).BatchDot(Dynamic(3, 4), BatchDotSemantics.TfKeras)),
        ["K2"] = () => Throws(() => Dynamic(8, 2, 3).BatchDot(Dynamic(9, 3, 4), BatchDotSemantics.TfKeras)),
        ["K3"] = () => Throws(() => Dynamic(32, 20).BatchDot(Dynamic(32, 20), 0, BatchDotSemantics.TfKeras)),
        ["K4"] = () => Throws(() => Dynamic(2, 3, 4).BatchDot(Dynamic(2, 5, 6), BatchDotSemantics.TfKeras)),
        ["P1"] = () => Throws(() => PartialContraction.Dot(StaticShape.Parse(2, 3, "k"), StaticShape.Parse(4, 5)).Plan(new Shape(2, 3, 7), new Shape(4, 5))),
        ["P2"] = () => Throws(() => PartialContraction.BatchDot(StaticShape.Parse("?", 4, 5), StaticShape.Parse(32, 5, 8)).Plan(new Shape(16, 4, 5), new Shape(32, 5, 8))),
        ["P3"] = () => Throws(() => PartialContraction.BatchDot(StaticShape.Parse("b", 4, "k"), StaticShape.Parse("b", "m", 6)).Plan(new Shape(2, 4, 5), new Shape(2, 3, 6))),
        ["P4"] = () => Throws(() => PartialContraction.MatMul(StaticShape.Parse("b", 4, 5), StaticShape.Parse("b", 5, 8), false, false).Plan(new Shape(2, 4, 5), new Shape(9, 5, 8))),
        ["P5"] = () => Throws(() => PartialContraction.BatchDot(StaticShape.Parse("b", 20), StaticShape.Parse("b", 20), 1, 1).Plan(new Shape(3, 20), new Shape(4, 20))),
        ["P6"] = () => Throws(() => PartialContraction.BatchDot(StaticShape.Parse(3), StaticShape.Parse(3, "m")).Plan(new Shape(3), new Shape(3, 4))),
        ["P7"] = () => Throws(() => PartialContraction.Dot(StaticShape.Parse("n", 4), StaticShape.Parse(4, "n")).Plan(new Shape(2, 4), new Shape(4, 3))),
        ["P8"] = () => Throws(() => PartialContraction.Dot(StaticShape.Parse("batch", 784), StaticShape.Parse(784, 128)).Plan(new Shape(32, 783), new Shape(784, 128))),
        ["P9"] = () => Throws(() => GeneratedCodeSupport.CheckKernelExtents(3, 20, 20, 20, 40, 40, 40, 96, 32, 32)),
        ["P10"] = () => Throws(() => PartialOperation.Create("BiasAdd", -1, null, false, false, StaticShape.Parse(32, "n"), StaticShape.Parse("m")).Check(new Shape(32, 10), new Shape(5))),
        ["P11"] = () => Throws(() => PartialOperation.Create("Concatenate", -1, null, false, false, StaticShape.Parse("b", 3), StaticShape.Parse("c", 5)).Check(new Shape(2, 3), new Shape(3, 5))),
        ["P12"] = () => Throws(() => PartialOperation.Create("Reshape", -1, new[] { 5, 5 }, false, false, StaticShape.Parse("n", 3)).Check(new Shape(2, 3))),
        ["P13"] = () => Throws(() => PartialOperation.Create("Reshape", -1, new[] { -1, 4 }, false, false, StaticShape.Parse("n", 3)).Check(new Shape(2, 3))),
        ["P14"] = () => Throws(() => PartialOperation.Create("Reshape", -1, new[] { -1, 0 }, false, false, StaticShape.Parse("n", 3)).Check(new Shape(2, 3))),
        ["L1"] = () => Throws(() => Dynamic(32, 20).BatchDot(Dynamic(32, 20), (5, 1))),
        ["L2"] = () => Throws(() => Dynamic(3, 4).Dot(Dynamic(4, 5), Dynamic(2, 2))),
        ["L3"] = () => Throws(() => SharedDestination()),
        ["L4"] = () => Throws(() => GeneratedCodeSupport.Contract("BatchDot", ShapeAlgebra.BatchDot(new Shape(32, 20), new Shape(32, 20), 0), new Typed(32, 20), new Typed(32, 20), new Typed(32, 1))),
        ["L5"] = () => Throws(() => DynamicTensor<float>.FromArray(new Shape(3, 0), [1f])),
        ["L6"] = () => Throws(() => GeneratedCodeSupport.CheckShape(new Shape(3, 2), new Shape(2, 3), "W", "tensor")),
        ["L7"] = () => GeneratedCodeSupport.IndexOutOfRange(1, 3, 3),
        ["L8"] = () => Throws(() => Dynamic(3, 4)[1]),
        ["L9"] = () => Throws(() => Dynamic(3, 4)[0, 4]),
        ["L10"] = () => GeneratedCodeSupport.Uninitialized("W"),
        ["L11"] = () => Throws(() => GeneratedCodeSupport.CheckKernelLengths(11, 12, 20, 20, 15, 15)),
        ["L12"] = () => Throws(() => DynamicTensor<float>.Zeros(100000, 100000)),
        ["L13"] = () => Throws(() => DynamicTensor<Half>.Zeros(2)),
        ["L14"] = () => Throws(() => new Shape(3, -2)),
        ["L15"] = () => Throws(() => TensorInterop.ShapeOf(new ReadOnlyTensorSpan<float>(new float[1], [HugeLength], [0]))),
        ["L16"] = () => Throws(() => TensorInterop.ShapeOf<float>(new double[2, 3])),
        ["L17"] = () => Throws(() => TensorInterop.ToMultidimensionalArray<float>([1f], Shape.Scalar)),
        ["L18"] = () => Throws(() => TensorInterop.CopyInto<float>(new float[4], new float[2, 3])),
        ["L19"] = () => Throws(() => TensorFormatter.Format<float>(new Shape(2, 3), new float[5])),
        ["L20"] = () => ParallelRows<float>.WorkerFailed,
        ["L21"] = () => Throws(() => Dynamic(50000, 2).Dot(Dynamic(2, 50000))),
        ["L22"] = () => Throws(() => Strided(new float[6], new float[12], new float[8], 2, 4, 3, 3, [1, 0, 0])),
        ["L23"] = () => Throws(() => Strided(new float[6], new float[12], new float[8], 2, 4, 3, 3, [2, 6, -1, 8])),
        ["L24"] = () => Throws(() => Strided(new float[5], new float[12], new float[8], 2, 4, 3, 3, [])),
        ["L25"] = () => Throws(() => Strided(new float[6], new float[12], new float[8], -1, 4, 3, 3, [])),
        ["L26"] = () => Throws(() => Strided(new float[6], new float[12], new float[8], 2, 4, 3, -3, [])),
        ["L28"] = () => Throws(() => GeneratedCodeSupport.Zeros<float>(StaticShape.Parse("batch", 784), "Sample", out _, -3)),
        ["L29"] = () => Throws(() => GeneratedCodeSupport.Zeros<float>(StaticShape.Parse("batch", 784), "Sample", out _, 3_000_000)),
        ["L30"] = () => Throws(() => GeneratedCodeSupport.StorageOf(StaticShape.Parse("batch", 784), Dynamic(3, 5), "Sample")),
        ["L31"] = () => Throws(() => GeneratedCodeSupport.CheckAdmits(StaticShape.Parse("n", "n"), new Shape(3, 4), "Square", "tensor")),
        ["L32"] = () => Throws(() => GeneratedCodeSupport.CopyOfInferred(StaticShape.Parse("batch", 784), "Sample", new float[1000], "elements", out _)),
        ["L33"] = () => Throws(() => GeneratedCodeSupport.CopyOfInferred(StaticShape.Parse("?", 0), "Empty", Array.Empty<float>(), "elements", out _)),
        ["L34"] = () => GeneratedCodeSupport.Uninitialized("Sample", "batch"),
        ["L35"] = () => Throws(() => new Typed(4, 5).Sum<Flat>(1, keepdims: true)),
        ["L27"] = () => Throws(() => ShapedTensorFallbacks.Dot<float>(new Typed(2, 2), new Typed(2, 2), new Inline2x2())),

        // The operations of OPS.md §1–§7, through DynamicTensor (the same OperationRules the analyzers and generator use).
        ["O1"] = () => Throws(() => Dynamic(2, 3) + Dynamic(2, 4)),
        ["O2"] = () => Throws(() => Dynamic(32, 10).BiasAdd(Dynamic(5))),
        ["O3"] = () => Throws(() => Dynamic(3).BiasAdd(Dynamic(3))),
        ["O4"] = () => Throws(() => Dynamic(8, 5, 3).BiasAdd(Dynamic(4))),
        ["O5"] = () => Throws(() => Dynamic(2, 3).BiasAdd(Dynamic(2, 3))),
        ["O6"] = () => Throws(() => Dynamic().Softmax()),
        ["O7"] = () => Throws(() => Dynamic(2, 3, 4).Softmax(3)),
        ["O8"] = () => Throws(() => Dynamic(2, 3).Sum(2)),
        ["O9"] = () => Throws(() => Dynamic(2, 3).PermuteDimensions(1, 0, 2)),
        ["O10"] = () => Throws(() => Dynamic(2, 3).PermuteDimensions(0, 2)),
        ["O11"] = () => Throws(() => Dynamic(2, 3).PermuteDimensions(-1, 0)),
        ["O12"] = () => Throws(() => Dynamic(2, 3).PermuteDimensions(0, 0)),
        ["O13"] = () => Throws(() => Dynamic(2, 3).Reshape(5, 5)),
        ["O14"] = () => Throws(() => Dynamic(2, 3).Reshape(-1, 4)),
        ["O15"] = () => Throws(() => Dynamic(2, 3).Reshape()),
        ["O16"] = () => Throws(() => Dynamic(2, 3).Reshape(-1, -1)),
        ["O17"] = () => Throws(() => Dynamic(0, 3).Reshape(-1, 0)),
        ["O18"] = () => Throws(() => Dynamic(2, 3).Reshape(-2, 3)),
        ["O19"] = () => Throws(() => Dynamic(2, 3).ExpandDims(3)),
        ["O20"] = () => Throws(() => Dynamic(2, 3).Squeeze(-1)),
        ["O21"] = () => Throws(() => Dynamic(2, 3).Squeeze(2)),
        ["O22"] = () => Throws(() => Dynamic(2, 3).Concatenate(Dynamic(3, 5), 1)),
        ["O23"] = () => Throws(() => Dynamic(2, 3).Concatenate(Dynamic(2, 3, 4), 1)),
        ["O24"] = () => Throws(() => Dynamic(2, 3).Concatenate(Dynamic(2, 3), 2)),
        ["O25"] = () => Throws(() => Dynamic().Concatenate(Dynamic())),
        ["E1"] = () => Throws(() => DynamicTensor<float>.Einsum("...0i->i", Dynamic(2, 3))),
        ["E2"] = () => Throws(() => DynamicTensor<float>.Einsum("ij;jk->ik", Dynamic(2, 3), Dynamic(3, 5))),
        ["E3"] = () => Throws(() => DynamicTensor<float>.Einsum("ij,jk->ik", Dynamic(2, 3))),
        ["E4"] = () => Throws(() => DynamicTensor<float>.Einsum("ij->ii", Dynamic(2, 3))),
        ["E5"] = () => Throws(() => DynamicTensor<float>.Einsum("ij,jk->iz", Dynamic(2, 3), Dynamic(3, 5))),
        ["E6"] = () => Throws(() => DynamicTensor<float>.Einsum("......->", Dynamic(2, 3))),
        ["E7"] = () => Throws(() => DynamicTensor<float>.Einsum("ij,jk->ik", Dynamic(2, 3, 4), Dynamic(3, 5))),
        ["E8"] = () => Throws(() => DynamicTensor<float>.Einsum("...ijk", Dynamic(2, 3))),
        ["E9"] = () => Throws(() => DynamicTensor<float>.Einsum("ij,jk->ik", Dynamic(2, 3), Dynamic(4, 5))),
        ["E10"] = () => Throws(() => DynamicTensor<float>.Einsum("...ij,...jk->ik", Dynamic(2, 3, 4), Dynamic(2, 4, 5))),
        ["T1"] = () => Throws(() => Dynamic(2, 3).TensorDot(Dynamic(3, 5), -1)),
        ["T2"] = () => Throws(() => Dynamic(2, 3).TensorDot(Dynamic(3, 5), ([1], [0, 1]))),
        ["T3"] = () => Throws(() => Dynamic(2, 3).TensorDot(Dynamic(3, 5), 3)),
        ["T4"] = () => Throws(() => Dynamic(2, 3, 4).TensorDot(Dynamic(5, 6), 1)),
        ["T5"] = () => Throws(() => Dynamic(2, 3, 4).TensorDot(Dynamic(4, 3, 5), ([1, 2], [0, 1]))),
    };

    public static TheoryData<string, string, string> RunTimeRows()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var cells in Rows().Where(cells => !cells[0].StartsWith('D')))
        {
            data.Add(cells[0], cells[1], cells[2]);
        }

        return data;
    }

    [Fact]
    public void Every_run_time_row_has_a_producer_and_every_producer_a_row()
    {
        var ids = Rows().Select(cells => cells[0]).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(Producers.Keys.Order(StringComparer.Ordinal), ids.Where(id => !id.StartsWith('D')).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RunTimeRows))]
    public void The_library_produces_the_text_exactly(string id, string text, string thrownAs)
    {
        // OPS.md §0.2: `\n\t` in a text is a newline and a tab (the einsum rank texts).
        text = text.Replace("\\n\\t", "\n\t", StringComparison.Ordinal);
        var produced = Producers[id]();
        if (produced is string constant)
        {
            Assert.Equal(text, constant);
            return;
        }

        var exception = Assert.IsAssignableFrom<Exception>(produced);
        var type = thrownAs.Split(' ', ',')[0].Trim('`');
        Assert.Equal(type, exception.GetType().Name.Split('`')[0]);

        // What .NET adds to the text: " (Parameter 'name')" for an argument exception (with the actual value after it
        // when there is one); a ShapeMismatchException's Message is the text alone.
        var expected = exception switch
        {
            ShapeMismatchException => text,
            ArgumentOutOfRangeException e => new ArgumentOutOfRangeException(e.ParamName, e.ActualValue, text).Message,
            ArgumentException e => new ArgumentException(text, e.ParamName).Message,
            _ => text,
        };
        Assert.Equal(expected, exception.Message);
        if (exception is ArgumentException { ParamName: { } parameter } and not ShapeMismatchException)
        {
            Assert.Contains($"`{parameter}`", thrownAs, StringComparison.Ordinal);
        }
    }

    private static List<string[]> Rows()
    {
        var path = SemanticsMarkdown.FindFile();
        Assert.NotNull(path);
        var rows = SemanticsMarkdown.TableRows(path, SemanticsMarkdown.EveryText);
        Assert.NotEmpty(rows);
        return rows;
    }

    private static Exception Throws(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            return e;
        }

        throw new Xunit.Sdk.XunitException("no exception was thrown");
    }

    private static Exception Throws(Func<object?> call) => Throws(() => { _ = call(); });

    // Longer than an int can count: a 64-bit length, as System.Numerics.Tensors allows (a broadcast of one element).
    private static readonly nint HugeLength = checked((nint)long.Parse("3000000000", System.Globalization.CultureInfo.InvariantCulture));

    private static DynamicTensor<float> Dynamic(params int[] dims) => DynamicTensor<float>.Zeros(new Shape(dims));

    // A row-major [m x k] . [k x n] product through the engine generated code calls, x's row stride given.
    private static void Strided(float[] x, float[] y, float[] output, int m, int n, int k, long xRowStride, long[] batch)
        => StridedProduct.Multiply<float>(x, y, output, m, n, k, xRowStride, 1, n, 1, n, batch);

    private static void SharedDestination()
    {
        var x = Dynamic(3, 3);
        x.MatMul(Dynamic(3, 3), x);
    }

    // A shaped tensor of any shape, as generated types are (for GeneratedCodeSupport.Contract).
    private sealed class Typed(params int[] dims) : IShapedTensor<float>
    {
        private readonly DynamicTensor<float> _tensor = DynamicTensor<float>.Zeros(new Shape(dims));

        public Shape Shape => _tensor.Shape;

        public ReadOnlySpan<float> AsReadOnlySpan() => _tensor.AsReadOnlySpan();

        public Span<float> AsSpan() => _tensor.AsSpan();

        public DynamicTensor<float> ToDynamic() => _tensor;
    }

    // A tensor type of fixed shape, as generated ones are: the result type the result-type forms name (x.Sum<Flat>(1)).
    private readonly struct Flat(float[] elements) : IShapedTensor<Flat, float>
    {
        public static Shape TensorShape { get; } = new(4, 5);

        public Shape Shape => TensorShape;

        public static Flat Wrap(float[] data) => new(data);

        public ReadOnlySpan<float> AsReadOnlySpan() => elements;

        public Span<float> AsSpan() => elements;

        public DynamicTensor<float> ToDynamic() => DynamicTensor<float>.FromArray(TensorShape, elements);
    }

    // A tensor with inline storage, as generated struct types are with ShapedTensorsInlineStorage: its dynamic form is a copy.
    private struct Inline2x2 : IShapedTensor<float>
    {
        private Elements _elements;

        public readonly Shape Shape => new(2, 2);

        [UnscopedRef]
        public readonly ReadOnlySpan<float> AsReadOnlySpan() => _elements;

        [UnscopedRef]
        public Span<float> AsSpan() => _elements;

        public readonly DynamicTensor<float> ToDynamic() => new(Shape, AsReadOnlySpan().ToArray());

        [InlineArray(4)]
        private struct Elements
        {
            private float _element0;
        }
    }
}
