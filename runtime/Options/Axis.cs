namespace ShapedTensors;

/// <summary>
/// Axes as values of types of their own, for calls whose result type depends on the axis: <c>x.Sum(Axis.At0)</c> and
/// <c>x.Sum(Axis.At1)</c> on one operand type each get an overload with their own result type, where <c>x.Sum(0)</c> and
/// <c>x.Sum(1)</c> share one overload (one return type) and so stay on the run-time fallback. The operations that take
/// one axis take a marker too (on <c>DynamicTensor&lt;T&gt;</c> and the fallbacks as well); there is no conversion to
/// <see cref="int"/>, so a marker never binds to an overload made for another axis. <see cref="IAxisMarker.Value"/> is
/// the int. See the README, "Options that decide the result type".
/// </summary>
public static class Axis
{
    /// <summary>Axis 0.</summary>
    public static Axis0 At0 => default;

    /// <summary>Axis 1.</summary>
    public static Axis1 At1 => default;

    /// <summary>Axis 2.</summary>
    public static Axis2 At2 => default;

    /// <summary>Axis 3.</summary>
    public static Axis3 At3 => default;

    /// <summary>Axis 4.</summary>
    public static Axis4 At4 => default;

    /// <summary>Axis 5.</summary>
    public static Axis5 At5 => default;

    /// <summary>Axis 6.</summary>
    public static Axis6 At6 => default;

    /// <summary>Axis 7.</summary>
    public static Axis7 At7 => default;

    /// <summary>The last axis, -1.</summary>
    public static LastAxis Last => default;
}

/// <summary>An axis as a type (<see cref="Axis"/>).</summary>
public interface IAxisMarker
{
    /// <summary>The axis: 0 to 7, or -1 for the last.</summary>
    static abstract int Value { get; }
}

/// <summary>Axis 0 as a type: <see cref="Axis.At0"/>.</summary>
public readonly struct Axis0 : IAxisMarker
{
    /// <inheritdoc/>
    public static int Value => 0;

    /// <inheritdoc/>
    public override string ToString() => "0";
}

/// <summary>Axis 1 as a type: <see cref="Axis.At1"/>.</summary>
public readonly struct Axis1 : IAxisMarker
{
    /// <inheritdoc/>
    public static int Value => 1;

    /// <inheritdoc/>
    public override string ToString() => "1";
}

/// <summary>Axis 2 as a type: <see cref="Axis.At2"/>.</summary>
public readonly struct Axis2 : IAxisMarker
{
    /// <inheritdoc/>
    public static int Value => 2;

    /// <inheritdoc/>
    public override string ToString() => "2";
}

/// <summary>Axis 3 as a type: <see cref="Axis.At3"/>.</summary>
public readonly struct Axis3 : IAxisMarker
{
    /// <inheritdoc/>
    public static int Value => 3;

    /// <inheritdoc/>
    public override string ToString() => "3";
}

/// <summary>Axis 4 as a type: <see cref="Axis.At4"/>.</summary>
public readonly struct Axis4 : IAxisMarker
{
    /// <inheritdoc/>
    public static int Value => 4;

    /// <inheritdoc/>
    public override string ToString() => "4";
}

/// <summary>Axis 5 as a type: <see cref="Axis.At5"/>.</summary>
public readonly struct Axis5 : IAxisMarker
{
    /// <inheritdoc/>
    public static int Value => 5;

    /// <inheritdoc/>
    public override string ToString() => "5";
}

/// <summary>Axis 6 as a type: <see cref="Axis.At6"/>.</summary>
public readonly struct Axis6 : IAxisMarker
{
    /// <inheritdoc/>
    public static int Value => 6;

    /// <inheritdoc/>
    public override string ToString() => "6";
}

/// <summary>Axis 7 as a type: <see cref="Axis.At7"/>.</summary>
public readonly struct Axis7 : IAxisMarker
{
    /// <inheritdoc/>
    public static int Value => 7;

    /// <inheritdoc/>
    public override string ToString() => "7";
}

/// <summary>The last axis as a type: <see cref="Axis.Last"/>.</summary>
public readonly struct LastAxis : IAxisMarker
{
    /// <inheritdoc/>
    public static int Value => -1;

    /// <inheritdoc/>
    public override string ToString() => "-1";
}
