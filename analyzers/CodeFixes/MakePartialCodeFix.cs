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
using ShapedTensors.Analyzers;

namespace ShapedTensors.CodeFixes;

/// <summary>
/// ST0105 / ST0106: adds <c>partial</c> to the tensor type's declaration and to every declaration that
/// contains it, which is what the generator needs to add the tensor's members.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFix)), Shared]
public sealed class MakePartialCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "ShapedTensors.MakePartial";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TypeNotPartialId, DiagnosticDescriptors.ContainingTypeNotPartialId);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindToken(context.Span.Start).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault() is not { } declaration)
        {
            return;
        }

        var targets = declaration.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().Where(IsNotPartial).ToList();
        if (targets.Count == 0)
        {
            return;
        }

        var title = targets.Count == 1
            ? $"Make '{targets[0].Identifier.ValueText}' partial"
            : $"Make {string.Join(", ", targets.Select(t => "'" + t.Identifier.ValueText + "'"))} partial";
        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNodes(targets, (_, rewritten) => AddPartial(rewritten)))), EquivalenceKey),
                diagnostic);
        }
    }

    private static bool IsNotPartial(TypeDeclarationSyntax declaration) => !declaration.Modifiers.Any(SyntaxKind.PartialKeyword);

    // 'partial' must come right before the keyword, so it goes last among the modifiers; with none, it takes
    // over the keyword's leading trivia (indentation, or nothing after an attribute list).
    private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax declaration)
    {
        var partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (declaration.Modifiers.Count > 0)
        {
            return declaration.AddModifiers(partial);
        }

        var keyword = declaration.Keyword;
        return declaration
            .WithKeyword(keyword.WithLeadingTrivia())
            .WithModifiers(SyntaxFactory.TokenList(partial.WithLeadingTrivia(keyword.LeadingTrivia)));
    }
}
