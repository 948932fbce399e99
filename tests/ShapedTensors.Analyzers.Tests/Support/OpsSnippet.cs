extern alias analyzers;

using System.Collections.Generic;
using System.Linq;
using ShapedTensors.Tests.Shared;
using OperationCatalog = analyzers::ShapedTensors.OperationCatalog;
using OperationFamily = analyzers::ShapedTensors.OperationFamily;

namespace ShapedTensors.Analyzers.Tests.Support;

/// <summary>
/// An OPS.md case as C#: one declared type per operand (<c>T0</c>, <c>T1</c>, ...) and every way to spell the call
/// (method, operator, scalar literal, options positional, named, as <c>new[] { .. }</c> or <c>[..]</c>).
/// </summary>
internal static class OpsSnippet
{
    /// <summary>
    /// A rank-0 operand: <c>[Tensor()]</c> is a declaration error (ST0101) the generator skips, but the analyzers read it
    /// as rank 0 (the shape of the generator's scalar results), and implementing the interface lets the fallbacks bind.
    /// </summary>
    private const string ScalarType = """
        [Tensor()] partial class NAME : IShapedTensor<float>
        {
            public Shape Shape => Shape.Scalar;
            public System.ReadOnlySpan<float> AsReadOnlySpan() => default;
            public System.Span<float> AsSpan() => default;
            public DynamicTensor<float> ToDynamic() => null!;
        }
        """;

    /// <summary>The type declarations for <paramref name="case"/>'s operands.</summary>
    public static string Declarations(OpsCase @case)
        => string.Join("\n", @case.Operands.Select((shape, i) => Declaration($"T{i}", shape)));

    /// <summary>One <c>[Tensor]</c> declaration of <paramref name="shape"/> (rank 0 included).</summary>
    public static string Declaration(string name, int[] shape)
        => shape.Length == 0 ? ScalarType.Replace("NAME", name, System.StringComparison.Ordinal) : $"[Tensor({string.Join(", ", shape)})] partial struct {name};";

    /// <summary>Every spelling of the call, each an expression.</summary>
    public static IEnumerable<string> Calls(OpsCase @case)
    {
        var operation = OperationCatalog.Find(@case.Operation)!;
        var receiver = "new T0()";
        var others = Enumerable.Range(1, @case.Operands.Count - 1).Select(i => $"new T{i}()").ToList();
        switch (operation.Family)
        {
            case OperationFamily.Broadcast:
                yield return $"{receiver}.{operation.Name}({others[0]})";
                if (operation.Operator is { } token)
                {
                    yield return $"{receiver} {token} {others[0]}";
                    if (@case.Operands[0].Length == 0)
                    {
                        yield return $"2f {token} {others[0]}";
                    }

                    if (@case.Operands[1].Length == 0)
                    {
                        yield return $"{receiver} {token} 2f";
                    }
                }

                break;
            case OperationFamily.BiasAdd:
                yield return $"{receiver}.BiasAdd({others[0]})";
                break;
            case OperationFamily.Unary:
                yield return $"{receiver}.{operation.Name}()";
                if (operation.Operator is { } unary)
                {
                    yield return $"{unary}{receiver}";
                }

                break;
            case OperationFamily.Softmax:
            case OperationFamily.Reshape when operation == OperationCatalog.ExpandDims || operation == OperationCatalog.Squeeze:
                var axis = @case.Options["axis"];
                yield return $"{receiver}.{operation.Name}({axis})";
                yield return $"{receiver}.{operation.Name}(axis: {axis})";
                if (axis == "-1" && operation != OperationCatalog.Squeeze)
                {
                    yield return $"{receiver}.{operation.Name}()";
                }

                break;
            case OperationFamily.Reduction:
                foreach (var call in Reductions(operation.Name, @case.Options["axis"], @case.Options["keepdims"] == "yes"))
                {
                    yield return $"{receiver}.{call}";
                }

                break;
            case OperationFamily.Transpose when operation.Options.Count == 0:
                yield return $"{receiver}.Transpose()";
                break;
            case OperationFamily.Transpose:
            case OperationFamily.Reshape:
                var values = Values(@case.Options[operation.Options[0].Name]);
                yield return $"{receiver}.{operation.Name}({values})";
                yield return $"{receiver}.{operation.Name}(new int[] {{ {values} }})";
                yield return $"{receiver}.{operation.Name}([{values}])";
                break;
            case OperationFamily.Concatenate:
                var tensors = string.Join(", ", others);
                var concatAxis = @case.Options["axis"];
                yield return $"{receiver}.Concatenate({tensors}, {concatAxis})";
                yield return $"{receiver}.Concatenate({tensors}, axis: {concatAxis})";
                if (concatAxis == "-1")
                {
                    yield return $"{receiver}.Concatenate({tensors})";
                }

                break;
        }
    }

    // "None", "1", "[0,-1]" with keepdims, positional and named, the list as new[] and as a collection expression.
    private static IEnumerable<string> Reductions(string name, string axis, bool keepDims)
    {
        var flag = keepDims ? "true" : "false";
        if (axis == "None")
        {
            yield return $"{name}(keepdims: {flag})";
            yield return $"{name}({flag})";
            if (!keepDims)
            {
                yield return $"{name}()";
            }

            yield break;
        }

        if (!axis.StartsWith('['))
        {
            yield return $"{name}({axis}, keepdims: {flag})";
            yield return $"{name}(axis: {axis}, {flag})";
            if (!keepDims)
            {
                yield return $"{name}({axis})";
            }

            yield break;
        }

        var values = Values(axis);
        yield return $"{name}(new[] {{ {values} }}, {flag})";
        yield return $"{name}([{values}], keepdims: {flag})";
    }

    // "(0,2,1)", "[0,-1]", "(-1,)", "()" → "0, 2, 1" and the like.
    private static string Values(string cell)
        => string.Join(", ", cell.Trim('(', ')', '[', ']').Split(',', System.StringSplitOptions.RemoveEmptyEntries | System.StringSplitOptions.TrimEntries));
}
