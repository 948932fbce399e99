extern alias GeneratorAssembly;

using System.Globalization;
using GeneratorAssembly::ShapedTensors.Generator.Model;
using ShapedTensors.Generator.Tests.Support;
using Xunit;

namespace ShapedTensors.Generator.Tests;

/// <summary>
/// Compile-and-run: generated kernels, on every path (Vector256, Vector128, scalar) and in both the
/// allocating and the destination form, give the dynamic tensor's values for seeded random calls of every
/// operation and option, ranks 1–5 and every output width 1–33.
/// </summary>
public class KernelValueTests
{
    [Theory]
    [InlineData(1, 256)]
    [InlineData(2, 256)]
    [InlineData(3, 256)]
    [InlineData(4, 8)] // A tiny unroll budget: every contraction becomes a loop.
    [InlineData(5, 100000)] // A huge one: everything unrolled.
    public void Kernels_match_the_dynamic_tensor(int seed, int unrollBudget)
    {
        var cases = KernelCases.Generate(seed, count: 66);
        var options = HarnessOptions.Default.WithBuildProperty("ShapedTensorsUnrollBudget", unrollBudget.ToString(CultureInfo.InvariantCulture)) with
        {
            AssemblyName = "KernelCases" + seed.ToString(CultureInfo.InvariantCulture),
        };
        var run = GeneratorHarness.Run(options, KernelCases.Source(cases, Names.GeneratedNamespace(options.AssemblyName)));
        CompileAssert.AssertCompilesCleanly(run);
        CachingAssert.AssertCachedOnSecondRun(run);

        var failures = (string?)RunProgram.Invoke(run, "KernelCases.Runner", "Run");
        Assert.True(string.IsNullOrEmpty(failures), failures);
    }
}
