using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using ShapedTensors.Analyzers;

namespace ShapedTensors.CodeFixes;

/// <summary>
/// ST0003 on a call whose options give another result than another call's on the same operand types: write the option
/// as a marker (<see cref="DiagnosticProperties.MarkerFix"/>), which gets an overload of its own. <c>x.Sum(1)</c> becomes
/// <c>x.Sum(Axis.At1)</c>, <c>x.MatMul(x, transposeA: true)</c> becomes <c>x.MatMul(x, Transpose.A)</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MarkerCodeFix)), Shared]
public sealed class MarkerCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "ShapedTensors.Marker";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.NotSpecializedId);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.MarkerFix, out var marker) || marker is null || Arguments(root, diagnostic) is not { Count: > 0 } arguments)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create($"Write the option as {marker}", _ => Task.FromResult(context.Document.WithSyntaxRoot(Rewrite(root, arguments, marker))), EquivalenceKey),
                diagnostic);
        }
    }

    // The first argument becomes the marker (an axis keeps its name: the marker overloads name it alike; MatMul's flags
    // become one positional marker), the others go.
    private static SyntaxNode Rewrite(SyntaxNode root, List<ArgumentSyntax> arguments, string marker)
    {
        var first = arguments[0];
        var keepsName = first.NameColon?.Name.Identifier.ValueText == "axis";
        var value = SyntaxFactory.ParseExpression("global::" + OptionMarkers.Namespace + "." + marker)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var replacement = (keepsName ? first.WithExpression(value) : SyntaxFactory.Argument(value)).WithTriviaFrom(first);
        var list = (ArgumentListSyntax)first.Parent!;
        var rewritten = list.WithArguments(SyntaxFactory.SeparatedList(
            list.Arguments.Where(a => a == first || !arguments.Contains(a)).Select(a => a == first ? replacement : a)));
        return root.ReplaceNode(list, rewritten);
    }

    // The option arguments at the diagnostic's additional locations, all in one argument list.
    private static List<ArgumentSyntax>? Arguments(SyntaxNode root, Diagnostic diagnostic)
    {
        var arguments = new List<ArgumentSyntax>();
        foreach (var location in diagnostic.AdditionalLocations)
        {
            if (!location.IsInSource || !root.FullSpan.Contains(location.SourceSpan)
                || root.FindNode(location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<ArgumentSyntax>() is not { } argument
                || (arguments.Count > 0 && argument.Parent != arguments[0].Parent))
            {
                return null;
            }

            arguments.Add(argument);
        }

        return arguments;
    }
}
