extern alias GeneratorAssembly;

using System.Globalization;
using System.Linq;
using GeneratorAssembly::ShapedTensors.Generator.Model;
using ShapedTensors.Generator.Tests.Support;
using Xunit;

namespace ShapedTensors.Generator.Tests;

/// <summary>
/// Compile-and-run: generated kernels, on every path (Vector256, Vector128, scalar) and in both the
/// allocating and the destination form, give the dynamic tensor's values for seeded random calls of every
/// operation and option, ranks 1–5 and every output width 1–33, and for zero-sized shapes.
/// </summary>
public class KernelValueTests
{
    [Theory]
    [InlineData(1, 256, false)]
    [InlineData(2, 256, false)]
    [InlineData(3, 256, false)]
    [InlineData(4, 8, false)] // A tiny unroll budget: every contraction becomes a loop.
    [InlineData(5, 100000, false)] // A huge one: everything unrolled.
    [InlineData(6, 256, true)] // Bounds-checked: an access outside any buffer throws instead of corrupting memory.
    [InlineData(7, 8, true)]
    public void Kernels_match_the_dynamic_tensor(int seed, int unrollBudget, bool checkedKernels)
    {
        var cases = KernelCases.Generate(seed, count: 66);
        var options = HarnessOptions.Default
            .WithBuildProperty("ShapedTensorsUnrollBudget", unrollBudget.ToString(CultureInfo.InvariantCulture))
            .WithBuildProperty("ShapedTensorsCheckedKernels", checkedKernels ? "true" : "false") with
        {
            AssemblyName = "KernelCases" + seed.ToString(CultureInfo.InvariantCulture),
        };
        var run = GeneratorHarness.Run(options, KernelCases.Source(cases, Names.GeneratedNamespace(options.AssemblyName), checkedKernels, unrollBudget));
        CompileAssert.AssertCompilesCleanly(run);
        CachingAssert.AssertCachedOnSecondRun(run);
        Assert.Equal(checkedKernels, !run.GeneratedSources.Values.Any(text => text.Contains("Unsafe.Add", System.StringComparison.Ordinal)));

        var failures = (string?)RunProgram.Invoke(run, "KernelCases.Runner", "Run");
        Assert.True(string.IsNullOrEmpty(failures), failures);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Paired_rows_match_the_dynamic_tensor(bool checkedKernels)
    {
        // Rows half a vector wide, so one accumulator holds two rows (see RowPairs): odd row counts, several
        // blocks of pairs, transposed x, K = 1, windows that must stop at an item's end, interleave remainders.
        // Vector512 pairs (8-float rows) need at least 8 pairs over the batch.
        var cases = new[]
        {
            new KernelCases.Case(0, Signature.BatchDotDefault, [10, 12, 4, 5], [10, 12, 5, 8], CallOptions.None, IsDouble: false), // the seed
            new KernelCases.Case(1, Signature.MatMul, [4, 4], [4, 4], new CallOptions(0, 0, false, false), IsDouble: false),
            new KernelCases.Case(2, Signature.BatchDotDefault, [4, 5, 4], [4, 4, 8], CallOptions.None, IsDouble: false),
            new KernelCases.Case(3, Signature.Dot, [7, 2], [2, 4], CallOptions.None, IsDouble: false),
            new KernelCases.Case(4, Signature.Dot, [6, 2], [2, 2], CallOptions.None, IsDouble: true),
            new KernelCases.Case(5, Signature.BatchDotDefault, [4, 5, 3], [4, 3, 4], CallOptions.None, IsDouble: true),
            new KernelCases.Case(6, Signature.MatMul, [3, 3, 6], [3, 3, 8], new CallOptions(0, 0, true, false), IsDouble: false),
            new KernelCases.Case(7, Signature.Dot, [17, 2], [2, 8], CallOptions.None, IsDouble: false),
            new KernelCases.Case(8, Signature.BatchDotDefault, [5, 6, 3], [5, 3, 8], CallOptions.None, IsDouble: false),
            new KernelCases.Case(9, Signature.Dot, [16, 1], [1, 8], CallOptions.None, IsDouble: false),
            new KernelCases.Case(10, Signature.Dot, [2, 2], [2, 2], CallOptions.None, IsDouble: false), // half a Vector128: not paired
            new KernelCases.Case(11, Signature.Dot, [8, 8], [8, 8], CallOptions.None, IsDouble: false), // 4 pairs: too few for Vector512 pairing
        };
        string[] unpaired = ["Product_F32_2x2x2", "Product_F32_8x8x8"];
        var options = HarnessOptions.Default.WithBuildProperty("ShapedTensorsCheckedKernels", checkedKernels ? "true" : "false") with
        {
            AssemblyName = "PairedKernelCases" + (checkedKernels ? "Checked" : string.Empty),
        };
        var run = GeneratorHarness.Run(options, KernelCases.Source(cases, Names.GeneratedNamespace(options.AssemblyName), checkedKernels));
        CompileAssert.AssertCompilesCleanly(run);
        var kernels = run.GeneratedSources.Where(pair => pair.Key.Contains(".Kernels.", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(cases.Length, kernels.Count);
        Assert.All(kernels, pair =>
        {
            var expected = !unpaired.Any(name => pair.Key.EndsWith("." + name + ".g.cs", System.StringComparison.Ordinal));
            Assert.True(expected == pair.Value.Contains("KernelMath.BroadcastPair", System.StringComparison.Ordinal), $"{pair.Key}: pairs rows should be {expected}");
        });

        var failures = (string?)RunProgram.Invoke(run, "KernelCases.Runner", "Run");
        Assert.True(string.IsNullOrEmpty(failures), failures);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Zero_sized_shapes_match_the_dynamic_tensor(bool checkedKernels)
    {
        // Empty results and empty contractions (K = 0, zeros) of every operation, next to ordinary calls; TensorFlow's
        // own empty batch_matmul cases among them. Destinations start as NaN, so a K = 0 product must zero-fill.
        var cases = new[]
        {
            new KernelCases.Case(0, Signature.MatMul, [0, 3, 2], [0, 2, 4], new CallOptions(0, 0, false, false), IsDouble: false),
            new KernelCases.Case(1, Signature.MatMul, [3, 0, 2], [3, 2, 5], new CallOptions(0, 0, false, false), IsDouble: false),
            new KernelCases.Case(2, Signature.MatMul, [3, 3, 2], [3, 2, 0], new CallOptions(0, 0, false, false), IsDouble: true),
            new KernelCases.Case(3, Signature.MatMul, [3, 0, 3], [3, 5, 0], new CallOptions(0, 0, true, true), IsDouble: false),
            new KernelCases.Case(4, Signature.MatMul, [4, 0], [0, 9], new CallOptions(0, 0, false, false), IsDouble: false),
            new KernelCases.Case(5, Signature.Dot, [2, 3, 0], [0, 5], CallOptions.None, IsDouble: false),
            new KernelCases.Case(6, Signature.Dot, [2, 0, 4], [4, 5], CallOptions.None, IsDouble: true),
            new KernelCases.Case(7, Signature.BatchDotDefault, [3, 4, 0], [3, 0, 8], CallOptions.None, IsDouble: false),
            new KernelCases.Case(8, Signature.BatchDotInt, [3, 0], [3, 0], new CallOptions(1, 1, false, false), IsDouble: false),
            new KernelCases.Case(9, Signature.BatchDotInt, [0, 20], [0, 20], new CallOptions(1, 1, false, false), IsDouble: false),
            new KernelCases.Case(10, Signature.MatMul, [1, 2, 3], [0, 3, 4], new CallOptions(0, 0, false, false), IsDouble: false),
            new KernelCases.Case(11, Signature.MatMul, [5, 3], [3, 4], new CallOptions(0, 0, false, false), IsDouble: false),
        };
        var options = HarnessOptions.Default.WithBuildProperty("ShapedTensorsCheckedKernels", checkedKernels ? "true" : "false") with
        {
            AssemblyName = "ZeroSizedKernelCases" + (checkedKernels ? "Checked" : string.Empty),
        };
        var run = GeneratorHarness.Run(options, KernelCases.Source(cases, Names.GeneratedNamespace(options.AssemblyName), checkedKernels));
        CompileAssert.AssertCompilesCleanly(run);
        // Only the non-empty product (case 11) gets a kernel: an empty plan (no output, or K = 0) goes to the runtime's
        // StridedProduct, which writes zeros for K = 0 and touches nothing else.
        var kernel = Assert.Single(run.GeneratedSources, pair => pair.Key.Contains(".Kernels.", System.StringComparison.Ordinal));
        Assert.Contains(".Kernels.Product_F32_", kernel.Key, System.StringComparison.Ordinal);
        var operations = Assert.Single(run.GeneratedSources, pair => pair.Key.Contains(Names.OperationsClass, System.StringComparison.Ordinal)).Value;
        Assert.Equal(cases.Length - 1, operations.Split("global::ShapedTensors.Kernels.StridedProduct.Multiply<").Length - 1);

        var failures = (string?)RunProgram.Invoke(run, "KernelCases.Runner", "Run");
        Assert.True(string.IsNullOrEmpty(failures), failures);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TfKeras_BatchDot_kernels_match_the_dynamic_tensor_under_tf_keras(bool checkedKernels)
    {
        // ShapedTensorsBatchDot=TfKeras: the generator's result types and kernels follow tf.keras' batch_dot (SEMANTICS.md
        // §9.2's successful rows and more: kept axes on both sides, rank-2 operands, negative and explicit axes, K = 0).
        var cases = new[]
        {
            new KernelCases.Case(0, Signature.BatchDotDefault, [9, 8, 7, 4, 2], [9, 8, 7, 2, 5], CallOptions.None, IsDouble: false), // the seed
            new KernelCases.Case(1, Signature.BatchDotPair, [2, 3, 4, 5], [2, 3, 5, 6], new CallOptions(3, 2, false, false), IsDouble: false),
            new KernelCases.Case(2, Signature.BatchDotDefault, [10, 12, 4, 5], [10, 12, 5, 8], CallOptions.None, IsDouble: true),
            new KernelCases.Case(3, Signature.BatchDotPair, [32, 20, 1], [32, 30, 20], new CallOptions(1, 2, false, false), IsDouble: false),
            new KernelCases.Case(4, Signature.BatchDotPair, [100, 20], [100, 30, 20], new CallOptions(1, 2, false, false), IsDouble: false),
            new KernelCases.Case(5, Signature.BatchDotInt, [32, 20], [32, 20], new CallOptions(1, 1, false, false), IsDouble: false),
            new KernelCases.Case(6, Signature.BatchDotDefault, [20, 20], [20, 20], CallOptions.None, IsDouble: true),
            new KernelCases.Case(7, Signature.BatchDotInt, [32, 20, 3], [32, 20, 3], new CallOptions(-1, -1, false, false), IsDouble: false),
            new KernelCases.Case(8, Signature.BatchDotDefault, [2, 3, 4, 5], [2, 5], CallOptions.None, IsDouble: false),
            new KernelCases.Case(9, Signature.BatchDotPair, [3, 5, 4, 6], [3, 2, 5, 7], new CallOptions(1, 2, false, false), IsDouble: false),
            new KernelCases.Case(10, Signature.BatchDotDefault, [3, 4, 0], [3, 0, 8], CallOptions.None, IsDouble: false),
            new KernelCases.Case(11, Signature.MatMul, [3, 4, 5], [3, 5, 2], new CallOptions(0, 0, false, false), IsDouble: false),
        };
        var options = HarnessOptions.Default
            .WithBuildProperty("ShapedTensorsBatchDot", "TfKeras")
            .WithBuildProperty("ShapedTensorsCheckedKernels", checkedKernels ? "true" : "false") with
        {
            AssemblyName = "TfKerasKernelCases" + (checkedKernels ? "Checked" : string.Empty),
        };
        var run = GeneratorHarness.Run(options, KernelCases.Source(cases, Names.GeneratedNamespace(options.AssemblyName), checkedKernels, semantics: BatchDotSemantics.TfKeras));
        CompileAssert.AssertCompilesCleanly(run);
        Assert.Contains(run.GeneratedSources.Keys, name => name.Contains("Float32_9x8x7x4x8x7x5", System.StringComparison.Ordinal));
        var operations = Assert.Single(run.GeneratedSources, pair => pair.Key.Contains(Names.OperationsClass, System.StringComparison.Ordinal)).Value;
        Assert.Contains("<c>tf.keras.backend.batch_dot</c> of shapes (9, 8, 7, 4, 2) and (9, 8, 7, 2, 5)", operations, System.StringComparison.Ordinal);

        var failures = (string?)RunProgram.Invoke(run, "KernelCases.Runner", "Run");
        Assert.True(string.IsNullOrEmpty(failures), failures);
    }

    [Fact]
    public void Debug_builds_call_the_runtime_for_every_product_and_match_the_dynamic_tensor()
    {
        var cases = KernelCases.Generate(seed: 8, count: 66);
        var options = HarnessOptions.Default with { AssemblyName = "DebugKernelCases", OptimizationLevel = Microsoft.CodeAnalysis.OptimizationLevel.Debug };
        var run = GeneratorHarness.Run(options, KernelCases.Source(cases, Names.GeneratedNamespace(options.AssemblyName), optimized: false));
        CompileAssert.AssertCompilesCleanly(run);
        Assert.DoesNotContain(run.GeneratedSources.Keys, hint => hint.Contains(".Kernels.", System.StringComparison.Ordinal));

        var failures = (string?)RunProgram.Invoke(run, "KernelCases.Runner", "Run");
        Assert.True(string.IsNullOrEmpty(failures), failures);
    }

    [Fact]
    public void Mid_and_large_products_call_the_runtime_and_match_the_dynamic_tensor()
    {
        var cases = new[]
        {
            new KernelCases.Case(0, Signature.Dot, [70, 65], [65, 66], CallOptions.None, IsDouble: false),
            new KernelCases.Case(1, Signature.MatMul, [2, 65, 70], [2, 66, 65], new CallOptions(0, 0, true, true), IsDouble: false),
            new KernelCases.Case(2, Signature.MatMul, [67, 300], [300, 64], new CallOptions(0, 0, false, false), IsDouble: true),
            new KernelCases.Case(3, Signature.BatchDotDefault, [3, 64, 70], [3, 70, 71], CallOptions.None, IsDouble: false),
            new KernelCases.Case(4, Signature.MatMul, [300, 200], [170, 200], new CallOptions(0, 0, false, true), IsDouble: false), // threads when allowed
            new KernelCases.Case(5, Signature.Dot, [520, 520], [520, 530], CallOptions.None, IsDouble: false), // always packed
        };
        var options = HarnessOptions.Default with { AssemblyName = "LargeKernelCases" };
        var run = GeneratorHarness.Run(options, KernelCases.Source(cases, Names.GeneratedNamespace(options.AssemblyName)));
        CompileAssert.AssertCompilesCleanly(run);
        // No kernel file: every overload calls the runtime's precompiled product with the plan's constants.
        Assert.DoesNotContain(run.GeneratedSources.Keys, hint => hint.Contains(".Kernels.", System.StringComparison.Ordinal));
        var operations = Assert.Single(run.GeneratedSources, pair => pair.Key.Contains(Names.OperationsClass, System.StringComparison.Ordinal)).Value;
        Assert.Equal(cases.Length, operations.Split("global::ShapedTensors.Kernels.StridedProduct.Multiply<").Length - 1);

        var failures = (string?)RunProgram.Invoke(run, "KernelCases.Runner", "Run");
        Assert.True(string.IsNullOrEmpty(failures), failures);
    }
}
