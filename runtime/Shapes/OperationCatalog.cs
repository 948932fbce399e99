// Compiled into the runtime, the generator, the analyzers and the runtime's build-time surface generator
// (runtime/Surface; netstandard2.0): the one description of every operation. Parsing (which method or operator a call
// is), the shape rules, overload emission, diagnostics, code fixes and the run-time surface read it.
//
// Adding an operation of the broadcast, unary or reduction family is: its entry here, with its Wording (after the
// family's last entry, so that the kernel enum's values stay), its case in the family's kernel
// (runtime/Kernels/Operations), its rule in OperationRules only if the family's does not fit, and its tests. Its
// kernel enum member, DynamicTensor<T> methods, operators, destination and marker forms, IShapedTensor<T> fallbacks,
// a reduction's result-type forms (x.Sum<T41>(1, keepdims: true)), generated overloads and analyzer checks all follow
// from the entry (OPS.md §0.4). An operation of another family
// also needs its DynamicTensor<T> and fallback forms written by hand next to the family's helper.
using System;
using System.Collections.Generic;

namespace ShapedTensors;

/// <summary>How an operation's values are computed, which decides its overloads and its kernel.</summary>
internal enum OperationFamily
{
    /// <summary><c>Dot</c>, <c>BatchDot</c>, <c>MatMul</c>: a contraction plan (<see cref="ContractionPlan"/>).</summary>
    Contraction,

    /// <summary>Two operands broadcast against each other, element by element (OPS.md §1).</summary>
    Broadcast,

    /// <summary><c>K.bias_add</c> (OPS.md §2): a broadcast whose bias may first be reshaped.</summary>
    BiasAdd,

    /// <summary>One operand, element by element; the shape is unchanged (OPS.md §3).</summary>
    Unary,

    /// <summary>Normalized along one axis; the shape is unchanged (OPS.md §3).</summary>
    Softmax,

    /// <summary>Reduced over axes (OPS.md §4).</summary>
    Reduction,

    /// <summary>The axes reordered (OPS.md §5).</summary>
    Transpose,

    /// <summary>The same elements in the same order under another shape: <c>Reshape</c>, <c>ExpandDims</c>, <c>Squeeze</c> (OPS.md §6–§7).</summary>
    Reshape,

    /// <summary>Operands joined along one axis (OPS.md §7.3).</summary>
    Concatenate,

    /// <summary><c>Einsum</c> and <c>TensorDot</c> (OPS.md §8–§9): labelled axes, lowered to a contraction plan (<see cref="EinsumLowering"/>).</summary>
    Einsum,
}

/// <summary>What an option argument is, so that parsing reads it as a constant of that kind.</summary>
internal enum OptionKind
{
    /// <summary>An <see cref="int"/> (an axis).</summary>
    Int,

    /// <summary>An <c>(int, int)</c> pair (BatchDot's axes).</summary>
    IntPair,

    /// <summary>A <see cref="bool"/> (a flag).</summary>
    Bool,

    /// <summary>A list of ints given as <c>params int[]</c> (a permutation, a target shape).</summary>
    IntList,

    /// <summary>Reduction axes: none (every axis), one <see cref="int"/>, or a list.</summary>
    Axes,
}

/// <summary>One option parameter of an operation.</summary>
internal sealed class OptionDescriptor
{
    public OptionDescriptor(string name, OptionKind kind, string? defaultValue)
    {
        Name = name;
        Kind = kind;
        DefaultValue = defaultValue;
    }

    /// <summary>The parameter name, as generated overloads, fallbacks and <c>DynamicTensor</c> spell it.</summary>
    public string Name { get; }

    /// <summary>What constant it takes.</summary>
    public OptionKind Kind { get; }

    /// <summary>The value when it is omitted, as C# source (<c>-1</c>, <c>false</c>), or null when it must be given.</summary>
    public string? DefaultValue { get; }
}

/// <summary>One operation: how C# spells it, what Keras/TensorFlow call it mirrors, and how TensorFlow frames its errors.</summary>
internal sealed class OperationDescriptor
{
    internal OperationDescriptor(string name, string python, string node, string op, OperationFamily family, int operands, string? operatorToken = null, params OptionDescriptor[] options)
    {
        Name = name;
        Python = python;
        Node = node;
        Op = op;
        Family = family;
        Operands = operands;
        Operator = operatorToken;
        Options = options;
    }

    /// <summary>The C# method name (<c>Relu</c>, <c>Sum</c>); also the name of a binary operator's method form (<c>Add</c>).</summary>
    public string Name { get; }

    /// <summary>The Keras/TensorFlow call it mirrors, for documentation (<c>keras.backend.relu</c>).</summary>
    public string Python { get; }

    /// <summary>The node name of TensorFlow's error frame (OPS.md §0.3): <c>add</c>, <c>Relu</c>, <c>transpose</c>.</summary>
    public string Node { get; }

    /// <summary>The op type of TensorFlow's error frame: <c>Add</c>, <c>Relu</c>, <c>Transpose</c>.</summary>
    public string Op { get; }

    public OperationFamily Family { get; }

    /// <summary>The number of tensor operands (the receiver included); 0 for a variadic list (<c>Concatenate</c>).</summary>
    public int Operands { get; }

    /// <summary>The C# operator that also spells it (<c>+</c>; unary <c>-</c> for <c>Negate</c>), or null.</summary>
    public string? Operator { get; }

    /// <summary>The option parameters, in declaration order (after the tensor operands).</summary>
    public IReadOnlyList<OptionDescriptor> Options { get; }

    /// <summary>
    /// What it computes, as the XML docs of its generated run-time surface word it after its call (XML doc markup:
    /// <c>&lt;c&gt;max(x, 0)&lt;/c&gt;</c>, <c>the sum</c>), or null when the call says it all (<c>x + y</c>).
    /// </summary>
    public string? Wording { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>Every operation the library knows (OPS.md §0.3, SEMANTICS.md §2–§4).</summary>
internal static class OperationCatalog
{
    private static readonly OptionDescriptor AxisLast = new("axis", OptionKind.Int, "-1");
    private static readonly OptionDescriptor ReductionAxes = new("axis", OptionKind.Axes, "null");
    private static readonly OptionDescriptor KeepDims = new("keepdims", OptionKind.Bool, "false");

    public static readonly OperationDescriptor Dot = new("Dot", "keras.backend.dot", "MatMul", "MatMul", OperationFamily.Contraction, 2);
    public static readonly OperationDescriptor BatchDot = new("BatchDot", "keras.backend.batch_dot", "MatMul", "BatchMatMul", OperationFamily.Contraction, 2, null, new OptionDescriptor("axes", OptionKind.IntPair, null));
    public static readonly OperationDescriptor MatMul = new("MatMul", "tf.matmul", "MatMul", "MatMul", OperationFamily.Contraction, 2, null, new OptionDescriptor("transposeA", OptionKind.Bool, "false"), new OptionDescriptor("transposeB", OptionKind.Bool, "false"));

    public static readonly OperationDescriptor Add = new("Add", "x + y", "add", "Add", OperationFamily.Broadcast, 2, "+");
    public static readonly OperationDescriptor Subtract = new("Subtract", "x - y", "sub", "Sub", OperationFamily.Broadcast, 2, "-");
    public static readonly OperationDescriptor Multiply = new("Multiply", "x * y", "mul", "Mul", OperationFamily.Broadcast, 2, "*");
    public static readonly OperationDescriptor Divide = new("Divide", "x / y", "truediv", "RealDiv", OperationFamily.Broadcast, 2, "/") { Wording = "true division" };
    public static readonly OperationDescriptor Maximum = new("Maximum", "keras.backend.maximum", "Maximum", "Maximum", OperationFamily.Broadcast, 2);
    public static readonly OperationDescriptor Minimum = new("Minimum", "keras.backend.minimum", "Minimum", "Minimum", OperationFamily.Broadcast, 2);

    /// <summary>Its frame is <c>BiasAdd</c> or, on Keras' reshape-and-add path, <see cref="Add"/>'s (OPS.md §2).</summary>
    public static readonly OperationDescriptor BiasAdd = new("BiasAdd", "keras.backend.bias_add", "BiasAdd", "BiasAdd", OperationFamily.BiasAdd, 2);

    public static readonly OperationDescriptor Relu = Unary("Relu", "keras.backend.relu", "Relu", "<c>max(x, 0)</c>");
    public static readonly OperationDescriptor Sigmoid = Unary("Sigmoid", "keras.backend.sigmoid", "Sigmoid", "<c>1 / (1 + exp(-x))</c>");
    public static readonly OperationDescriptor Tanh = Unary("Tanh", "keras.backend.tanh", "Tanh", "the hyperbolic tangent");
    public static readonly OperationDescriptor Exp = Unary("Exp", "keras.backend.exp", "Exp", "<c>e^x</c>");
    public static readonly OperationDescriptor Log = Unary("Log", "keras.backend.log", "Log", "the natural logarithm (NaN below 0, -inf at 0)");

    /// <summary>Keras clips first: <c>sqrt(clip(x, 0, inf))</c> (OPS.md §3).</summary>
    public static readonly OperationDescriptor Sqrt = Unary("Sqrt", "keras.backend.sqrt", "Sqrt", "Keras' <c>sqrt(clip(x, 0, inf))</c>: 0 for a negative element, not NaN");
    public static readonly OperationDescriptor Abs = Unary("Abs", "keras.backend.abs", "Abs", "the absolute value");
    public static readonly OperationDescriptor Negate = new("Negate", "-x", "Neg", "Neg", OperationFamily.Unary, 1, "-") { Wording = "the negation" };

    /// <summary>Computed as <c>max(x, 0) + log1p(exp(-|x|))</c>: a large <c>x</c> gives <c>x</c>, not infinity (OPS.md §3).</summary>
    public static readonly OperationDescriptor Softplus = Unary("Softplus", "keras.backend.softplus", "Softplus", "<c>log(1 + exp(x))</c>, computed stably (<c>x</c> itself for a large <c>x</c>)");

    public static readonly OperationDescriptor Softmax = new("Softmax", "keras.backend.softmax", "Softmax", "Softmax", OperationFamily.Softmax, 1, null, AxisLast);

    public static readonly OperationDescriptor Sum = Reduction("Sum", "keras.backend.sum", "the sum");
    public static readonly OperationDescriptor Mean = Reduction("Mean", "keras.backend.mean", "the mean");
    public static readonly OperationDescriptor Max = Reduction("Max", "keras.backend.max", "the maximum");
    public static readonly OperationDescriptor Min = Reduction("Min", "keras.backend.min", "the minimum");
    public static readonly OperationDescriptor Prod = Reduction("Prod", "keras.backend.prod", "the product");

    public static readonly OperationDescriptor Transpose = new("Transpose", "keras.backend.transpose", "transpose", "Transpose", OperationFamily.Transpose, 1);
    public static readonly OperationDescriptor PermuteDimensions = new("PermuteDimensions", "keras.backend.permute_dimensions", "transpose", "Transpose", OperationFamily.Transpose, 1, null, new OptionDescriptor("pattern", OptionKind.IntList, null));

    public static readonly OperationDescriptor Reshape = new("Reshape", "keras.backend.reshape", "Reshape", "Reshape", OperationFamily.Reshape, 1, null, new OptionDescriptor("shape", OptionKind.IntList, null));
    public static readonly OperationDescriptor ExpandDims = new("ExpandDims", "keras.backend.expand_dims", "ExpandDims", "ExpandDims", OperationFamily.Reshape, 1, null, AxisLast);
    public static readonly OperationDescriptor Squeeze = new("Squeeze", "keras.backend.squeeze", "Squeeze", "Squeeze", OperationFamily.Reshape, 1, null, new OptionDescriptor("axis", OptionKind.Int, null));

    public static readonly OperationDescriptor Concatenate = new("Concatenate", "keras.backend.concatenate", "concat", "ConcatV2", OperationFamily.Concatenate, 0, null, AxisLast);

    // Einsum and TensorDot have rules of their own (OperationRules.Einsum, .TensorDot), call forms of their own (the
    // equation first; axes of three kinds) and their own analyzer (EinsumCallChecks), so they are not in All, which the
    // parsers, option readers and rule dispatch of OPS.md §1–§7 walk; they name their frames and exceptions.
    public static readonly OperationDescriptor Einsum = new("Einsum", "tf.einsum", "einsum/Einsum", "Einsum", OperationFamily.Einsum, 0);
    public static readonly OperationDescriptor TensorDot = new("TensorDot", "tf.tensordot", "Tensordot/MatMul", "MatMul", OperationFamily.Einsum, 2);

    /// <summary>Every operation, contractions first.</summary>
    public static IReadOnlyList<OperationDescriptor> All { get; } = new[]
    {
        Dot, BatchDot, MatMul,
        Add, Subtract, Multiply, Divide, Maximum, Minimum, BiasAdd,
        Relu, Sigmoid, Tanh, Exp, Log, Sqrt, Abs, Negate, Softplus, Softmax,
        Sum, Mean, Max, Min, Prod,
        Transpose, PermuteDimensions, Reshape, ExpandDims, Squeeze, Concatenate,
    };

    // After All: static fields initialize in order.
    private static readonly Dictionary<string, OperationDescriptor> ByName = Index();

    /// <summary>The operation a method of this name calls, or null.</summary>
    public static OperationDescriptor? Find(string methodName) => ByName.TryGetValue(methodName, out var operation) ? operation : null;

    /// <summary>The operation a C# operator spells (<c>+</c> with two operands, <c>-</c> with one), or null.</summary>
    public static OperationDescriptor? FindOperator(string token, int operands)
    {
        foreach (var operation in All)
        {
            if (operation.Operator == token && operation.Operands == operands)
            {
                return operation;
            }
        }

        return null;
    }

    private static OperationDescriptor Unary(string name, string python, string node, string wording) => new(name, python, node, node, OperationFamily.Unary, 1) { Wording = wording };

    private static OperationDescriptor Reduction(string name, string python, string wording) => new(name, python, name, name, OperationFamily.Reduction, 1, null, ReductionAxes, KeepDims) { Wording = wording };

    private static Dictionary<string, OperationDescriptor> Index()
    {
        var index = new Dictionary<string, OperationDescriptor>(StringComparer.Ordinal);
        foreach (var operation in All)
        {
            index.Add(operation.Name, operation);
        }

        return index;
    }
}
