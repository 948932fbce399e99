using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;
using System.Text;

namespace ShapedTensors;

// The bodies of the members of generated types whose shape has sizes known only at run time ([Tensor("batch", 784)]):
// each value carries its run-time shape, which these helpers build from the factories' size parameters and check
// against the declared static shape. The factories pass their sizes in the order the generator declares them: one
// per distinct name (at its first axis) and one per unknown axis, in axis order; a repeated name reuses its size.
public static partial class GeneratedCodeSupport
{
    /// <summary>A new array of zeros of the run-time <paramref name="shape"/> made from <paramref name="sizes"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative.</exception>
    /// <exception cref="ArgumentException">The shape has more elements than an array can hold.</exception>
    public static T[] Zeros<T>(StaticShape staticShape, string typeName, out Shape shape, params int[] sizes)
    {
        shape = ShapeOf(staticShape, typeName, sizes);
        return new T[shape.ElementCount];
    }

    /// <summary>A new array of the run-time <paramref name="shape"/> made from <paramref name="sizes"/>, each element <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative.</exception>
    /// <exception cref="ArgumentException">The shape has more elements than an array can hold.</exception>
    public static T[] Filled<T>(StaticShape staticShape, string typeName, T value, out Shape shape, params int[] sizes)
    {
        shape = ShapeOf(staticShape, typeName, sizes);
        return Filled((int)shape.ElementCount, value);
    }

    /// <summary>A new array of uniform values in [0, 1) from <paramref name="seed"/>, of the run-time <paramref name="shape"/> made from <paramref name="sizes"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative.</exception>
    /// <exception cref="ArgumentException">The shape has more elements than an array can hold.</exception>
    public static T[] Uniform<T>(StaticShape staticShape, string typeName, int seed, out Shape shape, params int[] sizes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        shape = ShapeOf(staticShape, typeName, sizes);
        return Uniform<T>((int)shape.ElementCount, seed);
    }

    /// <summary>A copy of <paramref name="elements"/>, which must hold the element count of the run-time <paramref name="shape"/> made from <paramref name="sizes"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative.</exception>
    /// <exception cref="ArgumentException">The shape is too large, or there are not as many elements as it holds.</exception>
    public static T[] CopyOf<T>(StaticShape staticShape, string typeName, ReadOnlySpan<T> elements, string parameterName, out Shape shape, params int[] sizes)
    {
        shape = ShapeOf(staticShape, typeName, sizes);
        return CopyOf(shape, (int)shape.ElementCount, elements, parameterName);
    }

    /// <summary>A copy of <paramref name="elements"/> (not null), which must hold the element count of the run-time <paramref name="shape"/> made from <paramref name="sizes"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="elements"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative.</exception>
    /// <exception cref="ArgumentException">The shape is too large, or there are not as many elements as it holds.</exception>
    public static T[] CopyOf<T>(StaticShape staticShape, string typeName, T[] elements, string parameterName, out Shape shape, params int[] sizes)
    {
        ArgumentNullException.ThrowIfNull(elements, parameterName);
        return CopyOf<T>(staticShape, typeName, elements.AsSpan(), parameterName, out shape, sizes);
    }

    /// <summary><paramref name="elements"/> itself (not null), which must hold the element count of the run-time <paramref name="shape"/> made from <paramref name="sizes"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="elements"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative.</exception>
    /// <exception cref="ArgumentException">The shape is too large, or there are not as many elements as it holds.</exception>
    public static T[] Checked<T>(StaticShape staticShape, string typeName, T[] elements, string parameterName, out Shape shape, params int[] sizes)
    {
        ArgumentNullException.ThrowIfNull(elements, parameterName);
        shape = ShapeOf(staticShape, typeName, sizes);
        return Checked(shape, (int)shape.ElementCount, elements, parameterName);
    }

    /// <summary>
    /// A copy of <paramref name="elements"/> as a tensor of <paramref name="staticShape"/>, whose one size known only at
    /// run time is what the element count makes it.
    /// </summary>
    /// <exception cref="ArgumentException">The element count is not a multiple of the known dimensions' product, or that product is 0.</exception>
    public static T[] CopyOfInferred<T>(StaticShape staticShape, string typeName, ReadOnlySpan<T> elements, string parameterName, out Shape shape)
    {
        shape = InferredShape(staticShape, typeName, elements.Length, parameterName);
        return elements.ToArray();
    }

    /// <summary><see cref="CopyOfInferred{T}(StaticShape, string, ReadOnlySpan{T}, string, out Shape)"/> of an array (not null).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="elements"/> is null.</exception>
    /// <exception cref="ArgumentException">The element count does not determine the size.</exception>
    public static T[] CopyOfInferred<T>(StaticShape staticShape, string typeName, T[] elements, string parameterName, out Shape shape)
    {
        ArgumentNullException.ThrowIfNull(elements, parameterName);
        return CopyOfInferred<T>(staticShape, typeName, elements.AsSpan(), parameterName, out shape);
    }

    /// <summary><paramref name="elements"/> itself (not null), as a tensor of <paramref name="staticShape"/> whose one run-time size the element count determines.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="elements"/> is null.</exception>
    /// <exception cref="ArgumentException">The element count does not determine the size.</exception>
    public static T[] CheckedInferred<T>(StaticShape staticShape, string typeName, T[] elements, string parameterName, out Shape shape)
    {
        ArgumentNullException.ThrowIfNull(elements, parameterName);
        shape = InferredShape(staticShape, typeName, elements.Length, parameterName);
        return elements;
    }

    /// <summary>A new array whose element at each index of the run-time <paramref name="shape"/> made from <paramref name="sizes"/> is <paramref name="valueAt"/>(index).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative.</exception>
    /// <exception cref="ArgumentException">The shape has more elements than an array can hold.</exception>
    public static T[] FromFunction<T>(StaticShape staticShape, string typeName, Func<ReadOnlySpan<int>, T> valueAt, out Shape shape, params int[] sizes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(valueAt);
        shape = ShapeOf(staticShape, typeName, sizes);
        return FromFunction(shape, valueAt);
    }

    /// <summary>
    /// <paramref name="elements"/> itself (not null), checked to be a value of <paramref name="staticShape"/> of run-time
    /// shape <paramref name="shape"/>: the shape admitted (rank, known sizes, one size per name) and the length its element count.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shape is not one of <paramref name="staticShape"/>, or the length differs.</exception>
    public static T[] Admitted<T>(StaticShape staticShape, string typeName, T[] elements, Shape shape)
    {
        ArgumentNullException.ThrowIfNull(elements);
        ArgumentNullException.ThrowIfNull(shape);
        CheckAdmits(staticShape, shape, typeName, nameof(shape));
        CheckLength(shape, elements.Length, nameof(elements));
        return elements;
    }

    /// <summary>The array behind <paramref name="tensor"/>, whose shape must be one of <paramref name="staticShape"/>: the storage of a tensor of type <paramref name="typeName"/> that shares it.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="tensor"/> is null.</exception>
    /// <exception cref="ArgumentException">The tensor's shape is not one of <paramref name="staticShape"/>.</exception>
    public static T[] StorageOf<T>(StaticShape staticShape, DynamicTensor<T> tensor, string typeName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(tensor);
        CheckAdmits(staticShape, tensor.Shape, typeName, nameof(tensor));
        return tensor.Data;
    }

    /// <summary>A copy of <paramref name="source"/>'s elements (any strides), whose shape must be one of <paramref name="staticShape"/>; <paramref name="shape"/> is that shape.</summary>
    /// <exception cref="ArgumentException">The span's shape is not one of <paramref name="staticShape"/>.</exception>
    public static T[] CopyOf<T>(StaticShape staticShape, in ReadOnlyTensorSpan<T> source, string typeName, out Shape shape)
    {
        shape = TensorInterop.ShapeOf(source);
        CheckAdmits(staticShape, shape, typeName, nameof(source));
        return TensorInterop.CopyToArray(source);
    }

    /// <summary>The exception for a default value of a struct tensor type whose sizes are known only at run time.</summary>
    /// <param name="typeName">The type's name.</param>
    /// <param name="sizes">Its factories' size parameters, e.g. <c>batch</c> or <c>dim0, t</c>.</param>
    public static InvalidOperationException Uninitialized(string typeName, string sizes)
        => new($"This {typeName} is a default value with no storage; create one with {typeName}.Zeros({sizes}) or another factory.");

    /// <summary>
    /// Checks that <paramref name="shape"/> is a run-time shape of <paramref name="staticShape"/>: the same rank, every
    /// known size equal, and every occurrence of a name the same size.
    /// </summary>
    /// <exception cref="ArgumentException">It is not.</exception>
    public static void CheckAdmits(StaticShape staticShape, Shape shape, string typeName, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(staticShape);
        ArgumentNullException.ThrowIfNull(shape);
        if (!staticShape.Admits(shape))
        {
            throw new ArgumentException(CannotBecome(shape, typeName, staticShape, "."), parameterName);
        }

        for (var axis = 0; axis < shape.Rank; axis++)
        {
            var first = FirstAxisOf(staticShape, axis);
            if (shape[first] != shape[axis])
            {
                var name = staticShape[axis].Name;
                throw new ArgumentException(CannotBecome(shape, typeName, staticShape, $": dimension '{name}' is {shape[first]} at axis {first} but {shape[axis]} at axis {axis}."), parameterName);
            }
        }
    }

    // The text of the fully known types' CheckShape (L6), with the static shape in Keras' form, and why.
    private static string CannotBecome(Shape shape, string typeName, StaticShape staticShape, string why)
        => $"A tensor of shape {shape} cannot become a {typeName}, whose shape is {staticShape}{why}";

    // The run-time shape of a value of staticShape with the given sizes (see the class comment for their order).
    private static Shape ShapeOf(StaticShape staticShape, string typeName, int[] sizes)
    {
        ArgumentNullException.ThrowIfNull(staticShape);
        ArgumentNullException.ThrowIfNull(sizes);
        var dims = new int[staticShape.Rank];
        var next = 0;
        for (var axis = 0; axis < dims.Length; axis++)
        {
            var dim = staticShape[axis];
            var first = FirstAxisOf(staticShape, axis);
            if (dim.IsKnown)
            {
                dims[axis] = dim.Value;
            }
            else if (first < axis)
            {
                dims[axis] = dims[first];
            }
            else
            {
                var size = sizes[next++];
                if (size < 0)
                {
                    var what = dim.Name is { } name ? $"'{name}'" : axis.ToString(CultureInfo.InvariantCulture);
                    throw new ArgumentOutOfRangeException(SizeParameter(staticShape, axis), size, $"Dimension {what} of {typeName} must not be negative, but is {size}.");
                }

                dims[axis] = size;
            }
        }

        var shape = Shape.Own(dims);
        if (Array.IndexOf(dims, 0) < 0 && SizeLimit.Exceeds(shape))
        {
            throw new ArgumentException(TooLarge(staticShape, typeName, shape));
        }

        return shape;
    }

    // The shape of a value of staticShape, which has one axis of a run-time size, holding count elements.
    private static Shape InferredShape(StaticShape staticShape, string typeName, int count, string parameterName)
    {
        var axis = -1;
        long known = 1;
        for (var i = 0; i < staticShape.Rank; i++)
        {
            if (staticShape[i].IsKnown)
            {
                known *= staticShape[i].Value; // the declaration's known sizes fit an array (ST0103)
            }
            else
            {
                axis = i;
            }
        }

        var parameter = SizeParameter(staticShape, axis);
        if (known == 0 && count == 0)
        {
            throw new ArgumentException($"{typeName} of shape {staticShape} holds no element whatever {parameter} is, so the elements cannot give {parameter}: pass it.", parameterName);
        }

        if (known == 0 || count % known != 0)
        {
            throw new ArgumentException($"{typeName} of shape {staticShape} cannot hold {count} elements: {count} is not a multiple of {known}, the product of its known dimensions.", parameterName);
        }

        return ShapeOf(staticShape, typeName, [(int)(count / known)]);
    }

    // The first axis with the same dimension name as axis (axis itself when unnamed or the first).
    private static int FirstAxisOf(StaticShape staticShape, int axis)
    {
        for (var i = 0; i < axis; i++)
        {
            if (staticShape[i].IsSameNameAs(staticShape[axis]))
            {
                return i;
            }
        }

        return axis;
    }

    // The factories' parameter for the size of axis: its name, or dim{axis} for an unknown dimension.
    private static string SizeParameter(StaticShape staticShape, int axis)
        => staticShape[axis].Name ?? "dim" + axis.ToString(CultureInfo.InvariantCulture);

    // e.g. "Input with batch = 3000000 has shape (3000000, 784): 2352000000 elements, more than the 2147483591 an array can hold."
    // (the form of L21, SizeLimit.ResultTooLarge).
    private static string TooLarge(StaticShape staticShape, string typeName, Shape shape)
    {
        var sizes = new StringBuilder();
        var count = BigInteger.One;
        for (var axis = 0; axis < shape.Rank; axis++)
        {
            count *= shape[axis];
            if (!staticShape[axis].IsKnown && FirstAxisOf(staticShape, axis) == axis)
            {
                sizes.Append(sizes.Length > 0 ? ", " : string.Empty).Append(SizeParameter(staticShape, axis)).Append(" = ").Append(shape[axis].ToString(CultureInfo.InvariantCulture));
            }
        }

        return $"{typeName} with {sizes} has shape {shape}: {count.ToString(CultureInfo.InvariantCulture)} elements, more than the {SizeLimit.MaxElements.ToString(CultureInfo.InvariantCulture)} an array can hold.";
    }
}
