extern alias GeneratorAssembly;

using System.Globalization;
using GeneratorAssembly::ShapedTensors.Generator.Model;
using ShapedTensors.Generator.Tests.Support;
using Xunit;

namespace ShapedTensors.Generator.Tests;

/// <summary>
/// Compile-and-run: the generated overloads of the non-contraction operations (thin calls into the runtime's kernels
/// with constant shapes and axes) give <c>DynamicTensor</c>'s values and shapes for seeded random calls.
/// </summary>
public class OperationValueTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 0)]
    [InlineData(4, 64)] // inline storage: struct operands are `in`, small results are values
    public void Operations_match_the_dynamic_tensor(int seed, int inlineStorage)
    {
        var cases = OperationCases.Generate(seed, count: 80);
        var options = HarnessOptions.Default.WithBuildProperty("ShapedTensorsInlineStorage", inlineStorage.ToString(CultureInfo.InvariantCulture)) with
        {
            AssemblyName = "OperationCases" + seed.ToString(CultureInfo.InvariantCulture),
        };
        var run = GeneratorHarness.Run(options, OperationCases.Source(cases, Names.GeneratedNamespace(options.AssemblyName)));
        CompileAssert.AssertCompilesCleanly(run);
        CachingAssert.AssertCachedOnSecondRun(run);

        var failures = (string?)RunProgram.Invoke(run, "OperationCases.Runner", "Run");
        Assert.True(string.IsNullOrEmpty(failures), failures);
    }

    /// <summary>
    /// The same calls on partially known shapes (each dimension, at random, a name of its size or <c>?</c>): specialized
    /// through a <c>PartialOperation</c> per case, and computed on the run-time sizes.
    /// </summary>
    [Theory]
    [InlineData(21, 0)]
    [InlineData(22, 64)]
    public void Partial_operations_match_the_dynamic_tensor(int seed, int inlineStorage)
    {
        var cases = OperationCases.Generate(seed, count: 80);
        var options = HarnessOptions.Default.WithBuildProperty("ShapedTensorsInlineStorage", inlineStorage.ToString(CultureInfo.InvariantCulture)) with
        {
            AssemblyName = "PartialOperationCases" + seed.ToString(CultureInfo.InvariantCulture),
        };
        var run = GeneratorHarness.Run(options, OperationCases.Source(cases, Names.GeneratedNamespace(options.AssemblyName), new System.Random(seed)));
        CompileAssert.AssertCompilesCleanly(run);
        CachingAssert.AssertCachedOnSecondRun(run);

        var operations = Assert.Single(run.GeneratedSources, pair => pair.Key.Contains(Names.OperationsClass, System.StringComparison.Ordinal)).Value;
        var checks = operations.Split("PartialOperation Partial").Length - 1;
        Assert.True(checks >= cases.Count / 2, $"{checks} partial operation cases for {cases.Count} calls");

        var failures = (string?)RunProgram.Invoke(run, "OperationCases.Runner", "Run");
        Assert.True(string.IsNullOrEmpty(failures), failures);
    }
}
