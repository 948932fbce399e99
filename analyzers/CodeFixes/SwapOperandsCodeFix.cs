using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShapedTensors.Analyzers;

namespace ShapedTensors.CodeFixes;

/// <summary>ST0001 on <c>Dot</c> or <c>MatMul</c>: <c>x.Op(y)</c> becomes <c>y.Op(x)</c> when the analyzer found that the swapped shapes fit.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwapOperandsCodeFix)), Shared]
public sealed class SwapOperandsCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "ShapedTensors.SwapOperands";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.ShapeMismatchId);

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
            if (!diagnostic.Properties.ContainsKey(DiagnosticProperties.SwapFix)
                || MismatchedCall.Find(root, diagnostic) is not { } call
                || IsTargetTyped(call.Right.Expression))
            {
                continue;
            }

            var title = $"Swap the operands: {Shorten(call.Right.Expression)}.{call.Access.Name.Identifier.ValueText}({Shorten(call.Receiver)})";
            context.RegisterCodeFix(CodeAction.Create(title, _ => Task.FromResult(Apply(context.Document, root, call)), EquivalenceKey), diagnostic);
        }
    }

    private static Document Apply(Document document, SyntaxNode root, MismatchedCall call)
    {
        var swapped = call.Invocation
            .WithExpression(call.Access.WithExpression(ReceiverSyntax.Of(call.Right.Expression).WithTriviaFrom(call.Receiver)))
            .WithArgumentList(call.Invocation.ArgumentList.ReplaceNode(call.Right, call.Right.WithExpression(call.Receiver.WithTriviaFrom(call.Right.Expression))));
        return document.WithSyntaxRoot(root.ReplaceNode(call.Invocation, swapped));
    }

    // new(), default and null take their type from the parameter: as a receiver they would have none.
    private static bool IsTargetTyped(ExpressionSyntax expression)
        => expression is ImplicitObjectCreationExpressionSyntax
            || expression.IsKind(SyntaxKind.DefaultLiteralExpression)
            || expression.IsKind(SyntaxKind.NullLiteralExpression);

    private static string Shorten(ExpressionSyntax expression)
    {
        var text = expression.ToString();
        return text.Length <= 24 && text.IndexOf('\n') < 0 ? text : "...";
    }
}
