using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using ShapedTensors.Analyzers;

namespace ShapedTensors.CodeFixes;

/// <summary>
/// ST0003 on a call whose conflict no marker of its own resolves (<see cref="DiagnosticProperties.ResultTypeFix"/>): the
/// call names its result type. <c>x.Sum(0, keepdims: true)</c> becomes <c>x.Sum&lt;Tensor1x10&gt;(0, keepdims: true)</c>
/// (<c>x.Reshape(4, -1)</c> becomes <c>x.Reshape&lt;Tensor4x6&gt;()</c>), and <c>[Tensor(1, 10)] partial struct Tensor1x10;</c>
/// is declared in the call's namespace unless a type of that name is in scope.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ResultTypeCodeFix)), Shared]
public sealed class ResultTypeCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "ShapedTensors.ResultType";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.NotSpecializedId);

    /// <summary>None: two calls fixed at once could declare one type twice.</summary>
    public override FixAllProvider? GetFixAllProvider() => null;

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
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.ResultTypeFix, out var type) || type is null
                || !diagnostic.Properties.TryGetValue(DiagnosticProperties.ResultTypeAttribute, out var attribute) || attribute is null
                || diagnostic.AdditionalLocations.Count != 1
                || diagnostic.AdditionalLocations[0] is not { IsInSource: true } location
                || !root.FullSpan.Contains(location.SourceSpan)
                || root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is not IdentifierNameSyntax name)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create($"Name the result type {type}", cancellationToken => Rewrite(context.Document, root, name, type, attribute, cancellationToken), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> Rewrite(Document document, SyntaxNode root, IdentifierNameSyntax name, string type, string attribute, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var declared = model is not null && model.LookupNamespacesAndTypes(name.SpanStart, name: type).Any();
        var container = (SyntaxNode?)name.FirstAncestorOrSelf<BaseNamespaceDeclarationSyntax>() ?? root;
        var generic = SyntaxFactory.GenericName(name.Identifier, SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList<TypeSyntax>(SyntaxFactory.IdentifierName(type))))
            .WithTriviaFrom(name);
        // Reshape<T>() takes no shape: T's is the target.
        var call = name.Parent?.Parent as InvocationExpressionSyntax;
        var tracked = root.TrackNodes(new SyntaxNode?[] { name, container, call }.OfType<SyntaxNode>());
        if (call is not null && name.Identifier.ValueText == "Reshape")
        {
            var current = tracked.GetCurrentNode(call)!;
            tracked = tracked.ReplaceNode(current, current.WithArgumentList(SyntaxFactory.ArgumentList().WithTriviaFrom(current.ArgumentList)));
        }

        var rewritten = tracked.ReplaceNode(tracked.GetCurrentNode(name)!, generic);
        if (declared)
        {
            return document.WithSyntaxRoot(rewritten);
        }

        // [global::ShapedTensors.Tensor(1, 10)] partial struct Tensor1x10; (the name simplified, the using added if missing).
        // A blank line before it: a line break ends the last member, if the file does not end with one.
        var scope = rewritten.GetCurrentNode(container)!;
        var last = scope switch
        {
            BaseNamespaceDeclarationSyntax ns => ns.Members.LastOrDefault(),
            CompilationUnitSyntax unit => unit.Members.LastOrDefault(),
            _ => null,
        };
        var endsLine = last is null || last.GetLastToken().TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia);
        var declaration = ((TypeDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration($"[global::ShapedTensors.{attribute}] partial struct {type};")!)
            .WithLeadingTrivia(endsLine ? new[] { SyntaxFactory.LineFeed } : new[] { SyntaxFactory.LineFeed, SyntaxFactory.LineFeed })
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation, Formatter.Annotation);
        SyntaxNode withType = scope switch
        {
            BaseNamespaceDeclarationSyntax ns => ns.AddMembers(declaration),
            CompilationUnitSyntax unit => unit.AddMembers(declaration),
            _ => scope,
        };
        return document.WithSyntaxRoot(scope == rewritten ? withType : rewritten.ReplaceNode(scope, withType));
    }
}
