using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ShapedTensors.Generator.Model;
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
        DiagnosticDescriptors.DuplicateTensorAttribute,
        DiagnosticDescriptors.ReservedMember,
        DiagnosticDescriptors.ReservedNamespace,
        DiagnosticDescriptors.InvalidDimensionName,
        DiagnosticDescriptors.DimensionPropertyClash);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Generated result types may be scalars ([Tensor()]), which users may not declare, and generated members are
        // the generator's own: only what the user wrote is checked.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var links = HelpLinks.For(start.Compilation);
            var generatedNamespace = Names.GeneratedNamespace(start.Compilation.AssemblyName);
            start.RegisterSymbolAction(symbol => Analyze(symbol, links, generatedNamespace), SymbolKind.NamedType);
            start.RegisterSymbolAction(symbol => AnalyzeMember(symbol, links), SymbolKind.Method, SymbolKind.Property, SymbolKind.Field, SymbolKind.Event, SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, HelpLinks links, string generatedNamespace)
    {
        if (context.Symbol is not INamedTypeSymbol type)
        {
            return;
        }

        if (type.ContainingType is null && type.ContainingNamespace is { IsGlobalNamespace: false } ns && InGeneratedNamespace(ns, generatedNamespace))
        {
            Report(context, links, DiagnosticDescriptors.ReservedNamespace, LocationOf(type), type.Name, generatedNamespace);
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
            Report(context, links, DiagnosticDescriptors.DuplicateTensorAttribute, second?.GetLocation() ?? LocationOf(type), type.Name);
        }

        ShapeChecks.Report(context, links, type, attributes[0], attributeSyntax);

        // The attributed declaration is the one the generator extends.
        var declaration = attributeSyntax?.Parent?.Parent as MemberDeclarationSyntax;
        var identifier = IdentifierOf(declaration)?.GetLocation() ?? LocationOf(type);
        if (Extensibility.Problem(type, declaration) is { } problem)
        {
            Report(context, links, DiagnosticDescriptors.CannotExtend, identifier, type.Name, problem);
            return;
        }

        if (declaration is TypeDeclarationSyntax typeDeclaration)
        {
            if (!typeDeclaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                Report(context, links, DiagnosticDescriptors.TypeNotPartial, identifier, type.Name);
            }

            var containers = Extensibility.NonPartialContainers(typeDeclaration);
            if (containers.Count > 0)
            {
                Report(context, links, DiagnosticDescriptors.ContainingTypeNotPartial, identifier, type.Name, Extensibility.JoinNames(containers));
            }
        }
    }

    // A member the user wrote in a tensor type that generated code relies on (MemberKeys.IsReserved): the generator
    // does not extend the type, and this says why, at the member.
    private static void AnalyzeMember(SymbolAnalysisContext context, HelpLinks links)
    {
        var member = context.Symbol;
        if (member.IsImplicitlyDeclared
            || member.ContainingType is not { } type
            || TensorSymbols.GetDeclaredShape(type) is not { } shape
            || MemberKeys.Key(member) is not { } key
            || !MemberKeys.IsReserved(key, shape))
        {
            return;
        }

        var display = member is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
            ? type.Name + "(" + string.Join(", ", constructor.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat))) + ")"
            : member.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        Report(context, links, DiagnosticDescriptors.ReservedMember, LocationOf(member), type.Name, display);
    }

    // ShapedTensors.Generated.<Assembly> or a namespace inside it.
    private static bool InGeneratedNamespace(INamespaceSymbol ns, string generatedNamespace)
    {
        // Most types are nowhere near: look at the outermost namespace before building the full name.
        var outermost = ns;
        while (outermost.ContainingNamespace is { IsGlobalNamespace: false } parent)
        {
            outermost = parent;
        }

        if (outermost.Name != "ShapedTensors")
        {
            return false;
        }

        var name = ns.ToDisplayString();
        return name == generatedNamespace || name.StartsWith(generatedNamespace + ".", System.StringComparison.Ordinal);
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

    internal static void Report(SymbolAnalysisContext context, HelpLinks links, DiagnosticDescriptor descriptor, Location location, params object?[] arguments)
        => context.ReportDiagnostic(links.Create(descriptor, location, arguments));
}
