using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ShapedTensors.Generator.Emit;
using ShapedTensors.Generator.Model;
using ShapedTensors.Generator.Parsing;

namespace ShapedTensors.Generator;

/// <summary>
/// Turns each <c>[Tensor]</c> type into a tensor of that shape, and each <c>Dot</c> / <c>BatchDot</c> /
/// <c>MatMul</c> call whose shapes are known into an overload returning the result shape's type, backed by
/// a kernel unrolled for those exact dimensions. The other operations of the catalogue (OPS.md §1–§7: elementwise,
/// bias add, unary, softmax, reductions, transposes, reshapes, concatenation), as methods or C# 14 operators, get
/// overloads returning their result shape's type too: thin calls into the runtime's precompiled kernels.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TensorGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // [Embedded] keeps each assembly's operations classes out of every other compilation, even one that sees
        // its internals (InternalsVisibleTo): otherwise both assemblies' overloads would apply there (CS0121).
        context.RegisterPostInitializationOutput(static output => output.AddEmbeddedAttributeDefinition());

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

        var generatedNamespace = context.CompilationProvider
            .Select(static (compilation, _) => Names.GeneratedNamespace(compilation.AssemblyName))
            .WithTrackingName(TrackingNames.GeneratedNamespace);

        // Struct types of at most this many elements store them inline (MSBuild ShapedTensorsInlineStorage; 0: none).
        var inlineStorage = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => GeneratorSettings.InlineStorageLimit(options.GlobalOptions))
            .WithTrackingName(TrackingNames.InlineStorage);

        var declaredTypes = declarations.Collect().Combine(genericDeclarations.Collect())
            .Select(static (pair, _) => pair.Left.AddRange(pair.Right));
        var declaredFiles = declaredTypes
            .Combine(generatedNamespace)
            .SelectMany(static (pair, _) => HintNames.ForDeclared(pair.Left, pair.Right))
            .Combine(inlineStorage)
            .Select(static (pair, _) => (Type: InlineStorage.Apply(pair.Left.Type, pair.Right), pair.Left.HintName))
            .WithTrackingName(TrackingNames.DeclaredFiles);
        context.RegisterSourceOutput(declaredFiles, static (output, file) => output.AddSource(
            file.HintName,
            SourceText.From(TensorTypeEmitter.Emit(file.Type, EquatableArray<SameShapeType>.Empty), System.Text.Encoding.UTF8)));

        // The project's batch_dot (MSBuild ShapedTensorsBatchDot; the analyzer warns about a value it does not know).
        var batchDotSemantics = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => GeneratorSettings.Semantics(options.GlobalOptions))
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

        // Operators are extension operators (C# 14): below that language version, operator calls keep their CS0019.
        var extensionOperators = context.ParseOptionsProvider
            .Select(static (options, _) => options is CSharpParseOptions { LanguageVersion: >= (LanguageVersion)1400 })
            .WithTrackingName(TrackingNames.ExtensionOperators);
        var operationCalls = context.SyntaxProvider
            .CreateSyntaxProvider(OperationParser.IsCandidate, static (context, cancellationToken) => CallSites.EvaluateOperation(context, cancellationToken))
            .Where(static variants => variants is not null)
            .WithTrackingName(TrackingNames.OperationSites)
            .Combine(batchDotSemantics)
            .Select(static (pair, _) => pair.Left!.For(pair.Right))
            .Combine(extensionOperators)
            .Where(static pair => pair.Left is not null && (pair.Right || pair.Left.Spelling == OperationSpelling.Method))
            .Select(static (pair, _) => pair.Left!)
            .WithTrackingName(TrackingNames.OperationCalls);

        var specialization = calls.Collect()
            .Combine(operationCalls.Collect())
            .Combine(generatedNamespace)
            .Select(static (pair, _) => SpecializationPlanner.Plan(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.Specialization);

        var optimized = context.CompilationProvider
            .Select(static (compilation, _) => compilation.Options.OptimizationLevel == OptimizationLevel.Release);
        var kernelSettings = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => KernelSettings.From(options.GlobalOptions))
            .Combine(optimized)
            .Select(static (pair, _) => pair.Left with { Optimized = pair.Right })
            .WithTrackingName(TrackingNames.KernelSettings);
        var publicResultTypes = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => GeneratorSettings.PublicResults(options.GlobalOptions))
            .WithTrackingName(TrackingNames.PublicResultTypes);

        // Each call site emits what it owns (see OwnedOutputs): outputs are compared per call, so an edit to one
        // call regenerates only the files that call owns.
        var owned = calls
            .Combine(specialization)
            .Select(static (pair, _) => pair.Right.For(pair.Left.Site))
            .WithTrackingName(TrackingNames.OwnedOutputs);
        var ownedByOperations = operationCalls
            .Combine(specialization)
            .Select(static (pair, _) => pair.Right.For(pair.Left.Site))
            .WithTrackingName(TrackingNames.OperationOwnedOutputs);

        // Only small plans get a kernel file; the calls of the others go straight to the runtime (KernelStrategy).
        var kernels = owned
            .SelectMany(static (outputs, _) => outputs.Kernels)
            .Combine(kernelSettings)
            .Where(static pair => KernelStrategy.IsEmitted(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Kernels);
        context.RegisterSourceOutput(kernels, static (output, pair) => output.AddSource(
            HintNames.Of(new[] { pair.Left.GeneratedNamespace, "Kernels", pair.Left.Name }),
            SourceText.From(KernelEmitter.Emit(pair.Left, pair.Right), System.Text.Encoding.UTF8)));

        // A canonical type converts to and from every type of its shape that it can name: this assembly's declared
        // types and the tensor types of referenced assemblies (public, or internal to an assembly that gives access).
        var referencedTypes = context.CompilationProvider
            .Select(static (compilation, cancellationToken) => ReferencedTensorTypes.Find(compilation, cancellationToken))
            .WithTrackingName(TrackingNames.ReferencedTypes);
        var sameShapeCandidates = declaredTypes
            .Select(static (types, _) => new EquatableArray<ReferencedTensorType>(types
                .Where(type => type.IsNameable)
                .Select(type => new ReferencedTensorType(type.FullName, type.Dims, type.Element, !type.IsStruct, type.DimNames))))
            .Combine(referencedTypes)
            .Select(static (pair, _) => new EquatableArray<ReferencedTensorType>(pair.Left.Concat(pair.Right)));
        foreach (var outputs in new[] { owned, ownedByOperations })
        {
            RegisterOwned(context, outputs, sameShapeCandidates, publicResultTypes, inlineStorage, kernelSettings);
        }
    }

    // The canonical types and operations files one call site owns (contraction and operation sites alike).
    private static void RegisterOwned(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<OwnedOutputs> owned,
        IncrementalValueProvider<EquatableArray<ReferencedTensorType>> sameShapeCandidates,
        IncrementalValueProvider<bool> publicResultTypes,
        IncrementalValueProvider<int> inlineStorage,
        IncrementalValueProvider<KernelSettings> kernelSettings)
    {
        var canonicalTypes = owned
            .SelectMany(static (outputs, _) => outputs.CanonicalTypes)
            .Combine(sameShapeCandidates)
            .Combine(publicResultTypes)
            .Combine(inlineStorage)
            .Select(static (pair, _) => new CanonicalTypeModel(
                InlineStorage.Apply(pair.Left.Right ? pair.Left.Left.Left with { Accessibility = "public" } : pair.Left.Left.Left, pair.Right),
                SameShape(pair.Left.Left.Left, pair.Left.Left.Right)))
            .WithTrackingName(TrackingNames.CanonicalTypes);
        context.RegisterSourceOutput(canonicalTypes, static (output, canonical) => output.AddSource(
            HintNames.Of(canonical.Type.NameParts),
            SourceText.From(TensorTypeEmitter.Emit(canonical.Type, canonical.SameShapeTypes), System.Text.Encoding.UTF8)));

        var operations = owned
            .SelectMany(static (outputs, _) => outputs.Operations)
            .Combine(kernelSettings)
            .Combine(inlineStorage)
            .WithTrackingName(TrackingNames.Operations);
        context.RegisterSourceOutput(operations, static (output, pair) => output.AddSource(
            pair.Left.Left.HintName,
            SourceText.From(OperationsEmitter.Emit(pair.Left.Left, pair.Left.Right, pair.Right), System.Text.Encoding.UTF8)));
    }

    // Same shape means the same static shape: a partial type converts to and from the types of its names and unknown
    // dimensions only, never to a fully known type (whose sizes its values may not have).
    private static EquatableArray<SameShapeType> SameShape(TensorTypeModel canonical, EquatableArray<ReferencedTensorType> candidates)
        => new(candidates
            .Where(type => type.Element == canonical.Element && type.Dims == canonical.Dims && type.DimNames == canonical.DimNames && type.FullName != canonical.FullName)
            .Select(type => new SameShapeType(type.FullName, type.IsClass))
            .Distinct()
            .OrderBy(type => type.FullName, StringComparer.Ordinal));
}
