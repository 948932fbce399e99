using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ShapedTensors.Surface;

/// <summary>
/// Writes into the runtime, for each family whose operations differ only by their kernel case (the broadcasting
/// binaries, the unary operations, the reductions), every operation's public surface from its catalogue entry: its
/// kernel enum member, its <c>DynamicTensor&lt;T&gt;</c> methods (and operators) with their destination and marker
/// forms, its <c>IShapedTensor&lt;T&gt;</c> fallbacks and, for a reduction, its result-type forms
/// (<c>x.Sum&lt;T41&gt;(1, keepdims: true)</c>). The family helpers they call (<c>Elementwise</c>, <c>Reduced</c>,
/// <c>Checked</c>, <c>As</c>) stay hand-written in the runtime.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SurfaceGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
        => context.RegisterPostInitializationOutput(static output =>
        {
            foreach (var family in FamilySurface.All)
            {
                output.AddSource(family.Family + ".g.cs", SourceText.From(family.Source(), System.Text.Encoding.UTF8));
            }
        });
}
