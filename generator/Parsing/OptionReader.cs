using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ShapedTensors.Generator.Parsing;

/// <summary>Reads an operation's option arguments as compile-time constants of their <see cref="OptionKind"/>.</summary>
internal static class OptionReader
{
    /// <summary>The options, or null when one of them is not a compile-time constant (the call then stays on the fallback).</summary>
    /// <param name="given">The argument expressions of each option in <see cref="OperationDescriptor.Options"/>, null where omitted.</param>
    public static OperationOptions? Read(OperationDescriptor operation, IReadOnlyList<List<ExpressionSyntax>?> given, SemanticModel model, CancellationToken cancellationToken)
    {
        var axis = -1;
        int[]? values = null;
        var axesGivenAsInt = false;
        var keepDims = false;
        for (var i = 0; i < operation.Options.Count; i++)
        {
            var option = operation.Options[i];
            var arguments = given[i];
            switch (option.Kind)
            {
                case OptionKind.Int:
                    if ((Single(arguments) is { } a ? Axis(a, model, cancellationToken) : Default(option)) is not { } value)
                    {
                        return null;
                    }

                    axis = value;
                    break;
                case OptionKind.Bool:
                    if ((Single(arguments) is { } b ? CallParser.Constant<bool>(b, model, cancellationToken) : false) is not { } flag)
                    {
                        return null;
                    }

                    keepDims = flag;
                    break;
                case OptionKind.IntList:
                    if (arguments is null || (values = List(arguments, model, cancellationToken)) is null)
                    {
                        return null;
                    }

                    break;
                case OptionKind.Axes when Single(arguments) is { } one && !IsList(one) && Axis(one, model, cancellationToken) is { } single:
                    values = new[] { single };
                    axesGivenAsInt = true;
                    break;
                case OptionKind.Axes when arguments is not null:
                    if ((values = List(arguments, model, cancellationToken)) is null)
                    {
                        return null;
                    }

                    break;
                case OptionKind.Axes:
                    break; // every axis
                default:
                    return null;
            }
        }

        return new OperationOptions(axis, values, axesGivenAsInt, keepDims);
    }

    /// <summary>An axis: a constant int, or a marker (<c>Axis.At1</c>), whose type is its value.</summary>
    public static int? Axis(ExpressionSyntax argument, SemanticModel model, CancellationToken cancellationToken)
        => CallParser.Constant<int>(argument, model, cancellationToken)
            ?? (CallParser.Marker(argument, model, cancellationToken) is { } marker ? OptionMarkers.Axis(marker) : null);

    /// <summary>Whether an argument spells a whole list: <c>new[] { .. }</c>, <c>new int[] { .. }</c> or <c>[..]</c>.</summary>
    public static bool IsList(ExpressionSyntax expression)
        => expression is ImplicitArrayCreationExpressionSyntax or ArrayCreationExpressionSyntax or CollectionExpressionSyntax;

    // A params list given element by element, or as one array creation or collection expression.
    private static int[]? List(List<ExpressionSyntax> arguments, SemanticModel model, CancellationToken cancellationToken)
    {
        var elements = arguments;
        if (Single(arguments) is { } list && IsList(list))
        {
            var items = new List<ExpressionSyntax>();
            switch (list)
            {
                case ImplicitArrayCreationExpressionSyntax implicitArray:
                    items.AddRange(implicitArray.Initializer.Expressions);
                    break;
                case ArrayCreationExpressionSyntax { Initializer: { } initializer }:
                    items.AddRange(initializer.Expressions);
                    break;
                case CollectionExpressionSyntax collection:
                    foreach (var element in collection.Elements)
                    {
                        if (element is not ExpressionElementSyntax { Expression: var item })
                        {
                            return null; // a spread (..xs)
                        }

                        items.Add(item);
                    }

                    break;
                default:
                    return null; // new int[3]: no elements to read
            }

            elements = items;
        }

        var values = new int[elements.Count];
        for (var i = 0; i < values.Length; i++)
        {
            if (CallParser.Constant<int>(elements[i], model, cancellationToken) is not { } value)
            {
                return null;
            }

            values[i] = value;
        }

        return values;
    }

    /// <summary>The one expression of an option given once, or null.</summary>
    public static ExpressionSyntax? Single(List<ExpressionSyntax>? arguments) => arguments is { Count: 1 } ? arguments[0] : null;

    private static int? Default(OptionDescriptor option)
        => option.DefaultValue is { } text && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
}
