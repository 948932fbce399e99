using ShapedTensors.Generator.Tests.Support;
using Xunit;

namespace ShapedTensors.Generator.Tests;

/// <summary>
/// Snapshots of every generated file for representative declarations and calls. Each test also requires
/// the output to compile with no warning, a second run to reuse every step, and no compiler object in the
/// pipeline's models. Accept changes with SHAPEDTENSORS_ACCEPT_SNAPSHOTS=1 after reading the diff.
/// </summary>
public sealed class GeneratorSnapshotTests
{
    [Fact]
    public void Declarations()
    {
        const string source = """
            using ShapedTensors;

            namespace App.Models
            {
                /// <summary>A float tensor.</summary>
                [Tensor(2, 3)] public partial struct Matrix;

                /// <summary>A double tensor declared as a class.</summary>
                [Tensor<double>(4)] public partial class Vector;

                /// <summary>A readonly struct, nested in a partial class.</summary>
                public static partial class Layers
                {
                    /// <summary>Weights.</summary>
                    [Tensor(3, 1, 2)] public readonly partial struct Weights;
                }
            }

            /// <summary>A type in the global namespace.</summary>
            [Tensor(5)] public partial struct GlobalVector;
            """;

        var run = GeneratorHarness.Run(source);

        Check(run);
    }

    [Fact]
    public void Seed_BatchDot_and_MatMul()
    {
        const string source = """
            using ShapedTensors;

            namespace App;

            [Tensor(10, 12, 4, 5)] public partial struct W;
            [Tensor(10, 12, 5, 8)] public partial struct K;

            public static class Model
            {
                public static float Run()
                {
                    var w = W.Random(seed: 1);
                    var k = K.Ones();
                    var z = w.BatchDot(k);
                    var m = w.MatMul(k);
                    return z[0, 0, 0, 0] + m[0, 0, 0, 0];
                }
            }
            """;

        var run = GeneratorHarness.Run(source);

        Check(run);
    }

    [Fact]
    public void Operations_every_form()
    {
        const string source = """
            using ShapedTensors;

            namespace App;

            [Tensor(4, 3)] public partial struct X;
            [Tensor(3)] public partial struct B;
            [Tensor(4, 1)] public partial struct Column;
            [Tensor(2, 3, 4)] public partial struct Cube;
            [Tensor(3, 5)] public partial struct W;

            public static class Model
            {
                public static float Run()
                {
                    var x = X.Random(seed: 1);
                    var b = B.Ones();
                    var c = Column.Ones();
                    var cube = Cube.Random(seed: 2);
                    var w = W.Random(seed: 3);
                    var methods = x.Add(b).Subtract(c).Multiply(x).Divide(b).Maximum(c).Minimum(x).BiasAdd(b);
                    var unary = x.Relu().Sigmoid().Tanh().Exp().Log().Sqrt().Abs().Negate().Softplus();
                    var softmax = x.Softmax();
                    var softmax1 = cube.Softmax(1);
                    var total = x.Sum();
                    var mean = cube.Mean(1);
                    var max = cube.Max(1, keepdims: true);
                    var min = cube.Min(new[] { 0, -1 });
                    var min2 = cube.Min([0, -1]);
                    var product = cube.Prod(2);
                    var transposed = x.Transpose();
                    var permuted = cube.PermuteDimensions(0, 2, 1);
                    var reshaped = cube.Reshape(4, -1);
                    var expanded = x.ExpandDims();
                    var expanded0 = b.ExpandDims(0);
                    var squeezed = c.Squeeze(1);
                    var joined = x.Concatenate(x);
                    var joined3 = x.Concatenate(x, x, axis: 0);
                    var h = x.MatMul(w).BiasAdd(B5.Ones()).Relu();
                    var loss = h.Softmax().Mean();
                    return total.ToArray()[0] + loss.ToArray()[0] + methods[0, 0]
                        + unary[0, 0] + softmax[0, 0] + softmax1[0, 0, 0] + mean[0, 0] + max[0, 0, 0] + min[0] + min2[0] + product[0, 0] + transposed[0, 0]
                        + permuted[0, 0, 0] + reshaped[0, 0] + expanded[0, 0, 0] + expanded0[0, 0] + squeezed[0] + joined[0, 0] + joined3[0, 0];
                }
            }

            [Tensor(5)] public partial struct B5;
            """;

        var run = GeneratorHarness.Run(source);

        Check(run);
    }

    // Roslyn 4.14 (the tests' compiler) has extension blocks but not extension operators: this output is compiled by the
    // SDK's compiler in ShapedTensors.UsageTests (OperationTests); here it is a snapshot, and C# 13 gets no operators.
    [Fact]
    public void Operations_operators()
    {
        const string source = """
            using ShapedTensors;

            namespace App;

            [Tensor(4, 3)] public partial struct X;
            [Tensor(3)] public partial struct B;
            [Tensor(3, 5)] public partial struct W;
            [Tensor(5)] public partial struct B5;

            public static class Model
            {
                public static float Run(X x, B b, W w, B5 b5, float s)
                {
                    var sum = x + b;
                    var difference = x - b;
                    var product = x * 2f;
                    var quotient = s / x;
                    var negated = -x;
                    var h = (x.MatMul(w) + b5).Relu();
                    var count = 1 + 2;
                    return sum[0, 0] + difference[0, 0] + product[0, 0] + quotient[0, 0] + negated[0, 0] + h[0, 0] + count;
                }
            }
            """;

        var run = GeneratorHarness.Run(source);
        Snapshot.Verify(run);
        CachingAssert.AssertCachedOnSecondRun(run);

        var csharp13 = GeneratorHarness.Run(HarnessOptions.Default with { LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp13 }, source);
        Assert.DoesNotContain(csharp13.GeneratedSources.Values, text => text.Contains("extension(", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Partial_shape_calls()
    {
        const string source = """
            using ShapedTensors;

            namespace App;

            [Tensor("batch", 784)] public partial struct Input;
            [Tensor(784, 128)] public partial struct W1;
            [Tensor("b", 12, 4, 5)] public partial struct X;
            [Tensor("b", 12, 5, 8)] public partial struct Y;

            public static class Model
            {
                public static void Run(int batch, bool transpose)
                {
                    var input = Input.Zeros(batch: batch);
                    var hidden = input.Dot(W1.Ones());              // (batch, 128): the runtime's product
                    var x = X.Ones(b: 10);
                    var z = x.BatchDot(Y.Ones(b: 10));               // (b, 12, 4, 8): a kernel over 12·b products
                    var m0 = x.MatMul(Y.Ones(b: 10));
                    var m = x.MatMul(Y.Ones(b: 10), transposeA: transpose, transposeB: false); // the runtime, options known at run time
                    var chained = hidden.MatMul(new W2());           // (batch, 10): a chain through a partial result
                }
            }

            [Tensor(128, 10)] public partial struct W2;
            """;

        var run = GeneratorHarness.Run(source);

        Check(run);
    }

    [Fact]
    public void Options_chains_and_tails()
    {
        const string source = """
            using ShapedTensors;

            namespace App
            {
                [Tensor(3, 2)] public partial struct Tall;
                [Tensor(3, 5)] public partial struct Wide;
                [Tensor(32, 20)] public partial struct Pair;
                [Tensor<double>(2, 3)] public partial struct D;

                public static class Model
                {
                    public static void Run()
                    {
                        var tall = Tall.Ones();
                        var t = tall.MatMul(Wide.Ones(), transposeA: true);   // (2, 5): a V128 tail
                        var p = Pair.Ones();
                        var a = p.BatchDot(p, 1);                             // (32, 1)
                        var b = p.BatchDot(p, (0, 0));                        // (20, 1)
                        var d = D.Ones().Dot(new D().MatMul(D.Zeros(), transposeA: true));  // nested: (2, 3) . (3, 3)
                    }
                }
            }
            """;

        var run = GeneratorHarness.Run(source);

        Check(run);
    }

    [Fact]
    public void Option_markers()
    {
        // Option values as marker types (issue 11, item 7): one operand type, results that depend on the option, each
        // marker an overload of its own. Calls without markers keep their overload where they agree (Sum(0) twice).
        const string source = """
            using ShapedTensors;

            namespace App
            {
                [Tensor(4, 5)] public partial struct X;
                [Tensor("batch", 3)] public partial struct B;

                public static class Model
                {
                    public static void Run(B b)
                    {
                        var x = X.Ones();
                        var gram = x.MatMul(x, Transpose.A);      // (5, 5)
                        var outer = x.MatMul(x, Transpose.B);     // (4, 4)
                        var columns = x.Sum(Axis.At0);            // (5)
                        var rows = x.Sum(axis: Axis.At1, keepdims: true);  // (4, 1)
                        var plain = x.Sum(0).Add(x.Sum(0));       // one int-axis overload
                        var joined = x.Concatenate(x, Axis.At0);  // (8, 5)
                        var last = x.ExpandDims(Axis.Last);       // (4, 5, 1)
                        var perClass = b.Sum(Axis.At0);           // (3): the batch summed away
                        var bGram = b.MatMul(b, Transpose.A);     // (3, 3), checked at run time
                    }
                }
            }
            """;

        var run = GeneratorHarness.Run(source);

        Check(run);
    }

    [Fact]
    public void Result_type_forms()
    {
        // Calls that name their result type (issue 11, item 7) bind to the runtime's TResult methods and get no overload
        // of their own, so Sum(1) beside Sum<T41>(1, keepdims: true) keeps its overload; a chain on a result-type call
        // is traced through the type it names (Flat's Relu, Rows' Sum).
        const string source = """
            using ShapedTensors;

            namespace App;

            [Tensor(2, 3, 4)] public partial struct Cube;
            [Tensor(24)] public partial struct Flat;
            [Tensor(6, 4)] public partial struct Rows;
            [Tensor(6, 1)] public partial struct T61;

            public static class Model
            {
                public static void Run()
                {
                    var x = Cube.Ones();
                    var flat = x.Reshape<Flat>().Relu();               // (24,)
                    var rows = x.Reshape<Rows>();
                    var sums = rows.Sum(1);                            // (6,)
                    var kept = rows.Sum<T61>(1, keepdims: true);       // T61
                    var wide = x.Reshape(4, -1);                       // (4, 6)
                }
            }
            """;

        var run = GeneratorHarness.Run(source);

        Check(run);
    }

    [Fact]
    public void Zero_sized_shapes()
    {
        // An empty declaration, an empty result and an empty contraction: no kernels, the runtime's StridedProduct (zeros for K = 0).
        const string source = """
            using ShapedTensors;

            namespace App;

            [Tensor(0, 5)] public partial struct NoRows;
            [Tensor(5, 3)] public partial struct Weights;
            [Tensor(4, 0)] public partial struct NoColumns;
            [Tensor(0, 3)] public partial struct NoDepth;

            public static class Model
            {
                public static string Run()
                {
                    var empty = NoRows.Ones().Dot(Weights.Ones());          // (0, 3): nothing to compute
                    var zeros = NoColumns.Ones().MatMul(NoDepth.Ones());    // (4, 3): K = 0, all zeros
                    return empty.ToString() + zeros.ToString();
                }
            }
            """;

        var run = GeneratorHarness.Run(source);

        Check(run);
    }

    [Fact]
    public void TfKeras_BatchDot()
    {
        // ShapedTensorsBatchDot=TfKeras: the seed's rank-5 BatchDot is (9, 8, 7, 4, 8, 7, 5), and axes computed at run time
        // go through the runtime with tf.keras' batch_dot.
        const string source = """
            using ShapedTensors;

            namespace App;

            [Tensor(9, 8, 7, 4, 2)] public partial struct X;
            [Tensor(9, 8, 7, 2, 5)] public partial struct Y;
            [Tensor(4, 3)] public partial struct P;

            public static class Model
            {
                public static void Run(int axis)
                {
                    var z = X.Ones().BatchDot(Y.Ones());
                    var q = P.Ones().BatchDot(P.Ones(), 1);
                    var r = P.Ones().BatchDot(P.Ones(), axis);
                }
            }
            """;

        var run = GeneratorHarness.Run(HarnessOptions.Default.WithBuildProperty("ShapedTensorsBatchDot", "TfKeras"), source);

        Check(run);
    }

    [Fact]
    public void Types_from_a_referenced_assembly()
    {
        var library = GeneratorHarness.CompileLibrary("Library", """
            using ShapedTensors;

            namespace Library;

            [Tensor(4, 4)] public partial struct Square;
            """);

        var run = GeneratorHarness.Run(HarnessOptions.Default.WithReference(library.Reference) with { AssemblyName = "App" }, """
            using Library;
            using ShapedTensors;

            namespace App;

            public static class Model
            {
                public static void Run() => Square.Ones().MatMul(Square.Ones(), transposeB: true);
            }
            """);

        Check(run);
    }

    [Fact]
    public void Einsum_and_TensorDot()
    {
        // The seed's Einsum shares BatchDot's kernel (one plan); two equations of one result type switch in one overload,
        // and a var local chains. C and D are used with two equations of different result types: no overload (fallback).
        // TensorDot: a count, a pair (the lowering swaps the operands) and lists whose labels fit no product (runtime).
        const string source = """
            using ShapedTensors;
            using static ShapedTensors.TensorMath;

            namespace App;

            [Tensor(120, 4, 5)] public partial struct W;
            [Tensor(120, 5, 8)] public partial struct K;
            [Tensor(4, 5)] public partial class C;
            [Tensor(8, 5)] public partial struct D;

            public static class Model
            {
                public static float Run()
                {
                    var w = W.Random(seed: 1);
                    var k = K.Ones();
                    var z = Einsum("bij,bjk->bik", w, k);
                    var same = Einsum("xmn,xnp->xmp", w, k);
                    var relu = z.Relu();
                    var b = w.BatchDot(k);
                    var c = C.Ones();
                    var d = D.Ones();
                    var outer = Einsum("ij,kl->ijkl", c, d);
                    var inner = Einsum("ij,kj->ik", c, d);
                    var count = c.TensorDot(d.Transpose(), 1);
                    var pair = c.TensorDot(d, (1, 1));
                    var lists = w.TensorDot(k, ([0, 2], [0, 1]));
                    return relu[0, 0, 0] + same[0, 0, 0] + b[0, 0, 0] + count[0, 0] + pair[0, 0] + lists[0, 0] + outer.Shape.Rank + inner.Shape.Rank;
                }
            }
            """;

        var run = GeneratorHarness.Run(source);

        Check(run);
    }

    [Fact]
    public void Einsum_of_one_operand()
    {
        // One operand: a diagonal and a row sum of one result type switch in one overload (ii->i and jj->j share a
        // body); a permutation is the transpose kernel; a trace and a sum over ... reduce to rank 0 and 2; a chain on
        // the canonical result. C is used with two equations of different result types: no overload (fallback).
        const string source = """
            using ShapedTensors;
            using static ShapedTensors.TensorMath;

            namespace App;

            [Tensor(3, 3)] public partial class S;
            [Tensor(2, 3, 4)] public partial struct T;
            [Tensor(4, 4)] public partial struct U;
            [Tensor(2, 3, 4, 5)] public partial struct V;
            [Tensor(3, 4)] public partial struct C;

            public static class Model
            {
                public static float Run()
                {
                    var s = S.Random(seed: 1);
                    var diagonal = Einsum("ii->i", s);
                    var renamed = Einsum("jj->j", s);
                    var rows = Einsum("ij->i", s);
                    var total = Einsum("i->", diagonal);
                    var transposed = Einsum("bij->bji", T.Ones()).Relu();
                    var trace = Einsum("ii", U.Ones());
                    var sums = Einsum("...ij->...", V.Ones());
                    var c = C.Ones();
                    var flipped = Einsum("ij->ji", c);
                    var all = Einsum("ij->", c);
                    return renamed[0] + rows[0] + total.Value + transposed[0, 0, 0] + trace.Value + sums[0, 0] + flipped.Shape.Rank + all.Shape.Rank;
                }
            }
            """;

        var run = GeneratorHarness.Run(source);

        Check(run);
    }

    [Fact]
    public void Einsum_inline_storage()
    {
        const string source = """
            using ShapedTensors;
            using static ShapedTensors.TensorMath;

            namespace App;

            [Tensor(4, 4)] public partial struct A;
            [Tensor(4, 4)] public partial class B;

            internal static class Model
            {
                internal static float Run()
                {
                    var a = A.Random(seed: 1);
                    var product = Einsum("ij,jk->ik", a, B.Ones());
                    Einsum("ij,kj->ik", a, B.Ones(), ref product);
                    var t = a.TensorDot(B.Ones(), 1);
                    return product[0, 0] + t[0, 0];
                }
            }
            """;

        var run = GeneratorHarness.Run(HarnessOptions.Default.WithBuildProperty("ShapedTensorsInlineStorage", "16"), source);

        Check(run);
    }

    [Fact]
    public void Inline_storage()
    {
        // ShapedTensorsInlineStorage = 16: the struct A and the 4x4 result store their elements inline (a value, the
        // destination by ref); the readonly struct, the class and the 5x4 and 5x5 results keep arrays. Struct operands are `in`.
        const string source = """
            using ShapedTensors;

            namespace App;

            [Tensor(4, 4)] public partial struct A;
            [Tensor(4, 4)] public readonly partial struct R;
            [Tensor(4, 4)] public partial class C;
            [Tensor(5, 4)] public partial struct Tall;

            internal static class Model
            {
                internal static float Run(bool flag)
                {
                    var a = A.Random(seed: 1);
                    var product = a.MatMul(R.Ones());
                    a.MatMul(R.Ones(), ref product, transposeA: flag);
                    var fromClass = C.Ones().MatMul(a);
                    var tall = Tall.Ones().Dot(product);
                    var square = tall.MatMul(tall, transposeB: true);
                    return product[0, 0] + fromClass[0, 0] + tall[0, 0] + square[0, 0];
                }
            }
            """;

        var run = GeneratorHarness.Run(HarnessOptions.Default.WithBuildProperty("ShapedTensorsInlineStorage", "16"), source);

        Check(run);
    }

    [Fact]
    public void Partial_shapes()
    {
        // Sizes known only at run time: a name, unknown dimensions, a repeated name, a keyword as a name. The inline
        // storage setting covers the small struct, which still keeps its array (its values differ in length).
        const string source = """
            using ShapedTensors;

            namespace App;

            /// <summary>A batch of images.</summary>
            [Tensor("batch", 784)] public partial struct Input;

            /// <summary>A double class with an unknown and a named dimension.</summary>
            [Tensor<double>("?", "t", 4)] public partial class Seq;

            /// <summary>A square of any size, readonly.</summary>
            [Tensor("n", "n")] public readonly partial struct Square;

            /// <summary>Small enough for inline storage, were its size known.</summary>
            [Tensor("class", 2)] public partial struct Small;
            """;

        var run = GeneratorHarness.Run(HarnessOptions.Default.WithBuildProperty("ShapedTensorsInlineStorage", "16"), source);

        Check(run);
    }

    [Fact]
    public void Partial_shape_operations()
    {
        const string source = """
            using ShapedTensors;

            namespace App;

            [Tensor("batch", 784)] public partial struct Input;
            [Tensor(784, 128)] public partial struct W1;
            [Tensor(128)] public partial struct B1;
            [Tensor(128, 10)] public partial struct W2;
            [Tensor(10)] public partial struct B2;
            [Tensor("?", 3, 1)] public partial struct Seq;

            public static class Model
            {
                public static float Run(int batch, int axis)
                {
                    var x = Input.Zeros(batch: batch);
                    var h = x.MatMul(W1.Ones()).Add(B1.Ones()).Relu();   // (batch, 128): chained through partial results
                    var p = h.MatMul(W2.Ones()).BiasAdd(B2.Ones()).Softmax();
                    var loss = p.Mean();                                 // (): a fully known result of a partial operand
                    var s = Seq.Zeros(4);
                    var squeezed = s.Squeeze(2);                         // (?, 3)
                    var joined = s.Concatenate(s, axis: 0);              // (?, 3, 1)
                    var summed = s.Sum(axis);                            // options known at run time: a constant case and the fallback
                    var kept = s.Sum(1);
                    return loss.AsReadOnlySpan()[0];
                }
            }
            """;

        var run = GeneratorHarness.Run(source);

        Check(run);
    }

    [Fact]
    public void Partial_shape_einsum()
    {
        // Einsum (one and two operands) and TensorDot on partially known shapes: the result is the canonical partial type
        // (the batch label keeps its name), each constant equation or axes has a PartialEinsum field, and an equation a
        // call site does not use is checked by one built per call. A sum over the batch label has a fully known result.
        const string source = """
            using ShapedTensors;
            using static ShapedTensors.TensorMath;

            namespace App;

            [Tensor("batch", 4, 5)] public partial struct W;
            [Tensor("batch", 5, 8)] public partial struct K;
            [Tensor(5, 8)] public partial class M;
            [Tensor("?", 3)] public partial struct Q;

            public static class Model
            {
                public static float Run(int batch)
                {
                    var w = W.Random(seed: 1, batch: batch);
                    var k = K.Ones(batch: batch);
                    var z = Einsum("bij,bjk->bik", w, k);
                    var same = Einsum("xmn,xnp->xmp", w, k);
                    var relu = z.Relu();
                    var t = Einsum("bij->bji", w);
                    var s = Einsum("bij->ij", k);
                    var count = w.TensorDot(M.Ones(), 1);
                    var pair = Q.Ones(dim0: 2).TensorDot(Q.Ones(dim0: 2), (0, 0));
                    var lists = w.TensorDot(k, ([0, 2], [0, 1]));
                    Einsum("bij,bjk->bik", w, k, relu);
                    return relu.Batch + same.Batch + t.Batch + s[0, 0] + count.Batch + pair[0, 0] + lists[0, 0];
                }
            }
            """;

        var run = GeneratorHarness.Run(source);

        Check(run);
    }

    private static void Check(GeneratorRun run, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        CompileAssert.AssertCompilesCleanly(run);
        Snapshot.Verify(run, test: test);
        CachingAssert.AssertCachedOnSecondRun(run);
    }
}
