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
}
