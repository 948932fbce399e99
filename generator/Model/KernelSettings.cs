using Microsoft.CodeAnalysis.Diagnostics;

namespace ShapedTensors.Generator.Model;

/// <summary>How kernels are emitted: from the MSBuild properties of <see cref="GeneratorSettings"/>, and from the compilation's optimization level.</summary>
/// <param name="UnrollBudget"><c>ShapedTensorsUnrollBudget</c>: statements a fully unrolled block may have before the contraction becomes a loop.</param>
/// <param name="CheckedAccess">
/// <c>ShapedTensorsCheckedKernels</c>: every load and store goes through a bounds-checked span, so an access
/// outside a buffer throws instead of corrupting memory (for tests; slower).
/// </param>
/// <param name="Optimized">
/// Whether the consumer's code is optimized (a Release build). In a Debug build the JIT does not optimize the
/// consumer's assembly, so an emitted kernel would run many times slower than the runtime's precompiled ones:
/// every call then goes to the runtime.
/// </param>
internal sealed record KernelSettings(int UnrollBudget, bool CheckedAccess, bool Optimized = true)
{
    public const int DefaultUnrollBudget = GeneratorSettings.DefaultUnrollBudget;

    public static KernelSettings Default { get; } = new(DefaultUnrollBudget, false);

    public static KernelSettings From(AnalyzerConfigOptions options)
        => new(GeneratorSettings.Budget(options), GeneratorSettings.Flag(options, GeneratorSettings.CheckedKernels));
}
