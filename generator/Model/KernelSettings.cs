using Microsoft.CodeAnalysis.Diagnostics;

namespace ShapedTensors.Generator.Model;

/// <summary>How kernels are emitted, from the MSBuild properties of <see cref="GeneratorSettings"/>.</summary>
/// <param name="UnrollBudget"><c>ShapedTensorsUnrollBudget</c>: statements a fully unrolled block may have before the contraction becomes a loop.</param>
/// <param name="CheckedAccess">
/// <c>ShapedTensorsCheckedKernels</c>: every load and store goes through a bounds-checked span, so an access
/// outside a buffer throws instead of corrupting memory (for tests; slower).
/// </param>
internal sealed record KernelSettings(int UnrollBudget, bool CheckedAccess)
{
    public const int DefaultUnrollBudget = GeneratorSettings.DefaultUnrollBudget;

    public static KernelSettings Default { get; } = new(DefaultUnrollBudget, false);

    public static KernelSettings From(AnalyzerConfigOptions options)
        => new(GeneratorSettings.Budget(options), GeneratorSettings.Flag(options, GeneratorSettings.CheckedKernels));
}
