// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
using System.Collections.Generic;

namespace ShapedTensors;

/// <summary>
/// The binding rule of PARTIAL_SHAPES.md §8.4: within one call, every occurrence of a name, in every operand (x, y,
/// then z and w for a concatenation), repeats included, has one run-time size. Checked after every kernel check passed, so that TensorFlow's own text wins
/// whenever TensorFlow would fail.
/// </summary>
internal sealed class NameBinding
{
    private readonly Occurrence[] _occurrences;

    private NameBinding(Occurrence[] occurrences) => _occurrences = occurrences;

    /// <summary>Whether any name occurs more than once, i.e. whether there is anything to check.</summary>
    public bool IsEmpty => _occurrences.Length == 0;

    /// <summary>The named axes of x, then of y, each with the first occurrence of its name; names seen once are left out.</summary>
    public static NameBinding Of(StaticShape x, StaticShape y) => Of(new[] { x, y });

    /// <summary>The named axes of every operand in order, each with the first occurrence of its name; names seen once are left out.</summary>
    public static NameBinding Of(IReadOnlyList<StaticShape> operands)
    {
        var all = new List<Occurrence>();
        for (var operand = 0; operand < operands.Count; operand++)
        {
            Collect(all, operands[operand], operand);
        }

        var repeated = new List<Occurrence>(all.Count);
        foreach (var occurrence in all)
        {
            var first = all.Find(o => o.Name == occurrence.Name);
            if (first.Operand != occurrence.Operand || first.Axis != occurrence.Axis)
            {
                repeated.Add(new Occurrence(occurrence.Name, occurrence.Operand, occurrence.Axis, first.Operand, first.Axis));
            }
        }

        return new NameBinding(repeated.ToArray());
    }

    /// <summary>
    /// The library's text for the first occurrence, scanning x's axes then y's, whose size differs from the first
    /// occurrence of its name; null when every name has one size.
    /// </summary>
    public ShapeError? Check(Shape x, Shape y) => _occurrences.Length == 0 ? null : Check(new[] { x, y });

    /// <summary>
    /// The library's text for the first occurrence, scanning the operands' axes in order, whose size differs from the
    /// first occurrence of its name; null when every name has one size.
    /// </summary>
    public ShapeError? Check(Shape[] operands)
    {
        foreach (var o in _occurrences)
        {
            var size = operands[o.Operand][o.Axis];
            var firstSize = operands[o.FirstOperand][o.FirstAxis];
            if (size != firstSize)
            {
                var text = KernelTexts.NameBoundTwice(o.Name, firstSize, Position(o.FirstOperand, o.FirstAxis), size, Position(o.Operand, o.Axis));
                return ShapeError.InconsistentName(text, operands);
            }
        }

        return null;
    }

    private static void Collect(List<Occurrence> all, StaticShape shape, int operand)
    {
        for (var axis = 0; axis < shape.Rank; axis++)
        {
            if (shape[axis].Name is { } name)
            {
                all.Add(new Occurrence(name, operand, axis, operand, axis));
            }
        }
    }

    // The operands as the fallbacks' parameters name them.
    private static string Position(int operand, int axis) => (operand < OperandNames.Length ? OperandNames[operand] : "operand" + operand) + "[" + axis + "]";

    private static readonly string[] OperandNames = { "x", "y", "z", "w" };

    // One occurrence of a name (operand 0 is x, 1 is y) and the first occurrence of the same name.
    private readonly struct Occurrence
    {
        public Occurrence(string name, int operand, int axis, int firstOperand, int firstAxis)
        {
            Name = name;
            Operand = operand;
            Axis = axis;
            FirstOperand = firstOperand;
            FirstAxis = firstAxis;
        }

        public string Name { get; }

        public int Operand { get; }

        public int Axis { get; }

        public int FirstOperand { get; }

        public int FirstAxis { get; }
    }
}
