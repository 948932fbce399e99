using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ShapedTensors.Analyzers.Calls;

/// <summary>
/// The result-type forms (<c>x.Sum&lt;T41&gt;(1, keepdims: true)</c>, <c>x.Reshape&lt;Flat&gt;()</c>, bound to
/// <see cref="CallBinding.ResultType"/>): the named type must have the rule's result shape (ST0011, the runtime's text).
/// </summary>
internal static class ResultTypeCheck
{
    /// <summary>The shape of the type the call names, when that type declares a fully known one.</summary>
    public static Shape? Declared(IMethodSymbol method)
        => CallBindings.ResultTypeOf(method) is { } type && Operand.ShapeOf(type) is { IsFullyKnown: true } declared ? declared.ToShape() : null;

    /// <summary>
    /// What only the run time can tell about a result that may have the named type's shape: each result dimension
    /// known only then (ST0010, <c>W4[0] (4) must equal the result's axis 0 ('batch')</c>).
    /// </summary>
    public static IEnumerable<string> RunTimeChecks(IMethodSymbol method, StaticShape result)
        => Declared(method) is { } declared
            ? DestinationFit.RunTimeChecks(StaticShape.Of(declared), result, method.TypeArguments[0].Name)
            : Enumerable.Empty<string>();

    /// <summary>
    /// ST0011 on the type argument when <paramref name="result"/> cannot be the named type's shape; null when it may be
    /// (a dimension the result knows only at run time is checked then), or the call names no [Tensor] type.
    /// </summary>
    public static Diagnostic? Mismatch(HelpLinks links, IInvocationOperation invocation, string call, StaticShape result, IEnumerable<StaticShape> operands)
    {
        if (Declared(invocation.TargetMethod) is not { } declared || ResultTypeText.MayBe(result, declared))
        {
            return null;
        }

        var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } name } }
            ? name.TypeArgumentList.Arguments[0].GetLocation()
            : invocation.Syntax.GetLocation();
        var text = ResultTypeText.Mismatch(call, result, invocation.TargetMethod.TypeArguments[0].Name, declared, operands.ToArray());
        return links.Create(DiagnosticDescriptors.ResultTypeMismatch, location, text);
    }
}
