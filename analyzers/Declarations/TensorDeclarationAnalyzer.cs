using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ShapedTensors.Generator.Parsing;

namespace ShapedTensors.Analyzers.Declarations;

/// <summary>
/// Checks each <c>[Tensor]</c> / <c>[Tensor&lt;T&gt;]</c> declaration: a shape the generator accepts, a
/// supported element type, and a type the generator can extend. The generator silently skips a declaration
/// that fails any of these; this is where the user learns why.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TensorDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.NoDimensions,
        DiagnosticDescriptors.NegativeDimension,
        DiagnosticDescriptors.TooManyElements,
        DiagnosticDescriptors.UnsupportedElementType,
        DiagnosticDescriptors.TypeNotPartial,
        DiagnosticDescriptors.ContainingTypeNotPartial,
        DiagnosticDescriptors.CannotExtend,
        DiagnosticDescriptors.DuplicateTensorAttribute);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Generated result types may be scalars ([Tensor()]), which users may not declare.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSymbolAction(Analyze, SymbolKind.NamedType);
    }

    private static void Analyze(SymbolAnalysisContext context)
    {
        if (context.Symbol is not INamedTypeSymbol type)
        {
            return;
        }

        var attributes = type.GetAttributes().Where(attribute => TensorSymbols.IsTensorAttribute(attribute.AttributeClass)).ToList();
        if (attributes.Count == 0)
        {
            return;
        }

        var attributeSyntax = SyntaxOf(attributes[0], context.CancellationToken);
        if (attributes.Count > 1)
        {
            var second = SyntaxOf(attributes[1], context.CancellationToken);
            Report(context, DiagnosticDescriptors.DuplicateTensorAttribute, second?.GetLocation() ?? LocationOf(type), type.Name);
        }

        ShapeChecks.Report(context, type, attributes[0], attributeSyntax);

        // The attributed declaration is the one the generator extends.
        var declaration = attributeSyntax?.Parent?.Parent as MemberDeclarationSyntax;
        var identifier = IdentifierOf(declaration)?.GetLocation() ?? LocationOf(type);
        if (Extensibility.Problem(type, declaration) is { } problem)
        {
            Report(context, DiagnosticDescriptors.CannotExtend, identifier, type.Name, problem);
            return;
        }

        if (declaration is TypeDeclarationSyntax typeDeclaration)
        {
            if (!typeDeclaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                Report(context, DiagnosticDescriptors.TypeNotPartial, identifier, type.Name);
            }

            var containers = Extensibility.NonPartialContainers(typeDeclaration);
            if (containers.Count > 0)
            {
                Report(context, DiagnosticDescriptors.ContainingTypeNotPartial, identifier, type.Name, Extensibility.JoinNames(containers));
            }
        }
    }

    private static AttributeSyntax? SyntaxOf(AttributeData attribute, CancellationToken cancellationToken)
        => attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;

    private static SyntaxToken? IdentifierOf(MemberDeclarationSyntax? declaration) => declaration switch
    {
        BaseTypeDeclarationSyntax type => type.Identifier,
        DelegateDeclarationSyntax @delegate => @delegate.Identifier,
        _ => null,
    };

    private static Location LocationOf(ISymbol symbol) => symbol.Locations.FirstOrDefault() ?? Location.None;

    internal static void Report(SymbolAnalysisContext context, DiagnosticDescriptor descriptor, Location location, params object?[] arguments)
        => context.ReportDiagnostic(Diagnostic.Create(descriptor, location, arguments));
}
