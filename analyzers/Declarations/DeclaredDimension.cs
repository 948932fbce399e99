using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ShapedTensors.Analyzers.Declarations;

/// <summary>What one argument of <c>[Tensor(...)]</c> declares.</summary>
internal enum DimensionKind
{
    /// <summary>An int: a known size (possibly negative, which ST0102 reports).</summary>
    Size,

    /// <summary><c>"?"</c>: a size known only at run time, independent of every other.</summary>
    Unknown,

    /// <summary>A C# identifier: a size known only at run time, the same wherever the name appears in one call.</summary>
    Name,

    /// <summary>Anything else: null, another string, a double, ... (ST0111).</summary>
    Invalid,
}

/// <summary>
/// One dimension of a <c>[Tensor]</c> attribute as written, read with the same rules as the generator's
/// <c>TensorSymbols.Read</c>, but every dimension is kept, valid or not, so each problem can be reported where it is.
/// </summary>
internal sealed class DeclaredDimension
{
    private DeclaredDimension(DimensionKind kind, TypedConstant constant)
    {
        Kind = kind;
        Constant = constant;
    }

    public DimensionKind Kind { get; }

    /// <summary>The constant as written.</summary>
    public TypedConstant Constant { get; }

    /// <summary>The size of a <see cref="DimensionKind.Size"/> dimension.</summary>
    public int Size => Constant.Value is int size ? size : -1;

    /// <summary>The name of a <see cref="DimensionKind.Name"/> dimension.</summary>
    public string Name => Constant.Value as string ?? string.Empty;

    /// <summary>
    /// The dimensions in order (a params array or single values), or null when an argument is not a constant (a
    /// compiler error already). A null params array (<c>[Tensor("b", null)]</c> passes null as the array) is one
    /// invalid dimension, as the generator reads it.
    /// </summary>
    public static List<DeclaredDimension>? Read(AttributeData attribute)
    {
        var dims = new List<DeclaredDimension>();
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Kind == TypedConstantKind.Error)
            {
                return null;
            }

            var values = argument.Kind == TypedConstantKind.Array && !argument.IsNull ? argument.Values : ImmutableArray.Create(argument);
            foreach (var value in values)
            {
                dims.Add(new DeclaredDimension(KindOf(value), value));
            }
        }

        return dims;
    }

    private static DimensionKind KindOf(TypedConstant value) => value.Kind == TypedConstantKind.Array ? DimensionKind.Invalid : value.Value switch
    {
        int => DimensionKind.Size,
        Dimension.UnknownSpelling => DimensionKind.Unknown,
        string name when Dimension.IsValidName(name) => DimensionKind.Name,
        _ => DimensionKind.Invalid,
    };
}
