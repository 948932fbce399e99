using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ShapedTensors.Generator.Parsing;

namespace ShapedTensors.Analyzers.Calls;

/// <summary>An operand (or destination) of a call: the expression as written, and its shape when its type declares one.</summary>
internal sealed class Operand
{
    private Operand(IOperation value, ITypeSymbol? type, StaticShape? declared)
    {
        Value = value;
        Type = type;
        Declared = declared;
        Shape = declared is { IsFullyKnown: true } ? declared.ToShape() : null;
    }

    /// <summary>The expression, with the implicit conversions the call added removed.</summary>
    public IOperation Value { get; }

    /// <summary>The type that declares the shape, or the expression's own type when none does (null for typeless expressions).</summary>
    public ITypeSymbol? Type { get; }

    /// <summary>
    /// The shape the type declares, whose dimensions may be named or unknown (<c>[Tensor("batch", 784)]</c>), or null
    /// when the type declares none (then nothing about the shape is known at compile time: ST0002).
    /// </summary>
    public StaticShape? Declared { get; }

    /// <summary>The shape, when every dimension is known at compile time; null otherwise.</summary>
    public Shape? Shape { get; }

    /// <summary>
    /// Reads an argument's value. Implicit conversions are peeled from the outside in and the first type that
    /// declares a shape wins: a fallback's <c>IShapedTensor&lt;T&gt;</c> parameter reveals nothing, but the
    /// tensor type boxed into it does; an explicit cast is the user's own expression and is kept.
    /// </summary>
    public static Operand Read(IOperation argumentValue)
    {
        var current = argumentValue;
        while (true)
        {
            if (ShapeOf(current.Type) is { } shape)
            {
                return new Operand(current, current.Type, shape);
            }

            if (current is IConversionOperation { IsImplicit: true, Operand: { } inner })
            {
                current = inner;
                continue;
            }

            return new Operand(current, current.Type, null);
        }
    }

    /// <summary>The shape a type's <c>[Tensor]</c> or <c>[Tensor&lt;T&gt;]</c> attribute declares, or null.</summary>
    /// <remarks>
    /// Rank 0 is accepted here although a user may not declare it (ST0101): the generator gives a scalar
    /// result type <c>[Tensor()]</c>, and a call on it must be checked like any other.
    /// </remarks>
    public static StaticShape? ShapeOf(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Struct or TypeKind.Class } named)
        {
            return null;
        }

        foreach (var attribute in named.GetAttributes())
        {
            if (!TensorSymbols.IsTensorAttribute(attribute.AttributeClass))
            {
                continue;
            }

            // Read validates every dimension (a size >= 0 or a valid name), so ToStatic cannot throw.
            if (TensorSymbols.Read(attribute, out var problem) is { } declared)
            {
                return declared.ToStatic();
            }

            return problem == DeclarationProblem.NoDimensions ? StaticShape.Of(Shape.Scalar) : null;
        }

        return null;
    }
}
