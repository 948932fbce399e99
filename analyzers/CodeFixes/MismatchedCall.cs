using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShapedTensors.Analyzers;

namespace ShapedTensors.CodeFixes;

/// <summary>
/// The call an ST0001 diagnostic is about and the parts of it the analyzer located. Syntax only: the code
/// fix's semantic model may not include the generator's output, so the call may not even bind there.
/// </summary>
internal sealed class MismatchedCall
{
    private MismatchedCall(InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access, ExpressionSyntax receiver, ArgumentSyntax right, IReadOnlyList<ArgumentSyntax> flags)
    {
        Invocation = invocation;
        Access = access;
        Receiver = receiver;
        Right = right;
        Flags = flags;
    }

    public InvocationExpressionSyntax Invocation { get; }

    /// <summary><c>receiver.Op</c>.</summary>
    public MemberAccessExpressionSyntax Access { get; }

    /// <summary>The left operand.</summary>
    public ExpressionSyntax Receiver { get; }

    /// <summary>The right operand's argument.</summary>
    public ArgumentSyntax Right { get; }

    /// <summary>The transpose flag arguments the user wrote.</summary>
    public IReadOnlyList<ArgumentSyntax> Flags { get; }

    public static MismatchedCall? Find(SyntaxNode root, Diagnostic diagnostic)
    {
        var locations = diagnostic.AdditionalLocations;
        if (locations.Count <= DiagnosticProperties.RightArgumentLocation
            || Node(root, diagnostic.Location, innermost: true)?.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault() is not { Expression: MemberAccessExpressionSyntax access } invocation
            || access.Expression.Span != locations[DiagnosticProperties.ReceiverLocation].SourceSpan
            || Node(root, locations[DiagnosticProperties.RightArgumentLocation], innermost: false) is not ArgumentSyntax right)
        {
            return null;
        }

        var flags = locations.Skip(DiagnosticProperties.FirstFlagLocation).Select(location => Node(root, location, innermost: false)).OfType<ArgumentSyntax>().ToList();
        return new MismatchedCall(invocation, access, access.Expression, right, flags);
    }

    // A location the analyzer reported in this same document; the innermost node of a span is the expression, the outermost its argument.
    private static SyntaxNode? Node(SyntaxNode root, Location location, bool innermost)
        => location.IsInSource && root.FullSpan.Contains(location.SourceSpan)
            ? root.FindNode(location.SourceSpan, getInnermostNodeForTie: innermost)
            : null;
}
