using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ShapedTensors.Generator.Emit;
using ShapedTensors.Generator.Model;
using ShapedTensors.Generator.Parsing;

namespace ShapedTensors.Generator;

/// <summary>
/// Turns each <c>[Tensor]</c> type into a tensor of that shape, and each <c>Dot</c> / <c>BatchDot</c> /
/// <c>MatMul</c> call whose shapes are known into an overload returning the result shape's type, backed by
/// a kernel unrolled for those exact dimensions.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TensorGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var declarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(TensorSymbols.AttributeMetadataName, static (node, _) => node is TypeDeclarationSyntax, DeclarationParser.Parse)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.Declarations);
        var genericDeclarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(TensorSymbols.GenericAttributeMetadataName, static (node, _) => node is TypeDeclarationSyntax, DeclarationParser.Parse)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.GenericDeclarations);

        context.RegisterSourceOutput(declarations, static (output, type) => AddType(output, type, EquatableArray<string>.Empty));
        context.RegisterSourceOutput(genericDeclarations, static (output, type) => AddType(output, type, EquatableArray<string>.Empty));

        var generatedNamespace = context.CompilationProvider
            .Select(static (compilation, _) => Names.GeneratedNamespace(compilation.AssemblyName))
            .WithTrackingName(TrackingNames.GeneratedNamespace);

        // The project's batch_dot (MSBuild ShapedTensorsBatchDot; the analyzer warns about a value it does not know).
        var batchDotSemantics = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue(BatchDotSetting.OptionKey, out var text) && BatchDotSetting.TryParse(text, out var semantics)
                ? semantics
                : BatchDotSemantics.Keras224)
            .WithTrackingName(TrackingNames.BatchDotSemantics);

        var calls = context.SyntaxProvider
            .CreateSyntaxProvider(CallParser.IsCandidate, static (context, cancellationToken) => CallSites.Evaluate(context, cancellationToken))
            .Where(static variants => variants is not null)
            .WithTrackingName(TrackingNames.CallSites)
            .Combine(batchDotSemantics)
            .Select(static (pair, _) => pair.Left!.For(pair.Right))
            .Where(static call => call is not null)
            .Select(static (call, _) => call!)
            .WithTrackingName(TrackingNames.Calls);

        var specialization = calls.Collect()
            .Combine(generatedNamespace)
            .Select(static (pair, _) => SpecializationPlanner.Plan(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Specialization);

        var kernelSettings = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => KernelSettings.From(options.GlobalOptions))
            .WithTrackingName(TrackingNames.KernelSettings);

        // Each call site emits what it owns (see OwnedOutputs): outputs are compared per call, so an edit to one
        // call regenerates only the files that call owns.
        var owned = calls
            .Combine(specialization)
            .Select(static (pair, _) => pair.Right.For(pair.Left.Site))
            .WithTrackingName(TrackingNames.OwnedOutputs);

        var kernels = owned
            .SelectMany(static (outputs, _) => outputs.Kernels)
            .Combine(kernelSettings)
            .WithTrackingName(TrackingNames.Kernels);
        context.RegisterSourceOutput(kernels, static (output, pair) => output.AddSource(
            HintName(pair.Left.GeneratedNamespace, "Kernels", pair.Left.Name),
            SourceText.From(KernelEmitter.Emit(pair.Left, pair.Right), System.Text.Encoding.UTF8)));

        var declaredTypes = declarations.Collect().Combine(genericDeclarations.Collect())
            .Select(static (pair, _) => pair.Left.AddRange(pair.Right));
        var canonicalTypes = owned
            .SelectMany(static (outputs, _) => outputs.CanonicalTypes)
            .Combine(declaredTypes)
            .Select(static (pair, _) => new CanonicalTypeModel(pair.Left, SameShape(pair.Left, pair.Right)))
            .WithTrackingName(TrackingNames.CanonicalTypes);
        context.RegisterSourceOutput(canonicalTypes, static (output, canonical) => AddType(output, canonical.Type, canonical.SameShapeTypes));

        var operations = owned
            .SelectMany(static (outputs, _) => outputs.Operations)
            .WithTrackingName(TrackingNames.Operations);
        context.RegisterSourceOutput(operations, static (output, model) => output.AddSource(
            HintName(model.Namespace.Length > 0 ? model.Namespace : "global", Names.OperationsClass),
            SourceText.From(OperationsEmitter.Emit(model), System.Text.Encoding.UTF8)));
    }

    private static void AddType(SourceProductionContext output, TensorTypeModel type, EquatableArray<string> sameShapeTypes)
        => output.AddSource(
            HintName(new[] { type.Namespace }.Concat(type.ContainingTypes.Select(c => c.Name)).Append(type.Name).ToArray()),
            SourceText.From(TensorTypeEmitter.Emit(type, sameShapeTypes), System.Text.Encoding.UTF8));

    private static EquatableArray<string> SameShape(TensorTypeModel canonical, ImmutableArray<TensorTypeModel> declared)
        => new(declared
            .Where(type => type.Element == canonical.Element && type.Dims == canonical.Dims)
            .Select(type => type.FullName)
            .OrderBy(name => name, StringComparer.Ordinal));

    // Deterministic, unique and file-name safe: "MyApp.Outer.W.g.cs".
    private static string HintName(params string[] parts)
    {
        var name = string.Join(".", parts.Where(part => part.Length > 0));
        var safe = new string(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '_' ? c : '_').ToArray());
        return safe + ".g.cs";
    }
}
