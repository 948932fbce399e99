using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;

namespace ShapedTensors.Analyzers.Calls;

/// <summary>
/// Whether a BatchDot call gives another result under the other <see cref="BatchDotSemantics"/> (ST0008), and the
/// explicit axes, if any, that give its result under both (checked with the shape algebra, for the code fix).
/// </summary>
internal sealed class SemanticsDivergence
{
    private SemanticsDivergence(ContractionResult keras224, ContractionResult tfKeras, ImmutableDictionary<string, string?> properties)
    {
        Keras224 = keras224;
        TfKeras = tfKeras;
        Properties = properties;
    }

    /// <summary>The call under Keras 2.2.4's batch_dot.</summary>
    public ContractionResult Keras224 { get; }

    /// <summary>The call under tf.keras' batch_dot.</summary>
    public ContractionResult TfKeras { get; }

    /// <summary>For the code fix: <see cref="DiagnosticProperties.PortableAxes"/> when axes giving the same result under both exist.</summary>
    public ImmutableDictionary<string, string?> Properties { get; }

    /// <summary>The divergence of a BatchDot call whose rule gave <paramref name="result"/>, or null when both semantics agree.</summary>
    public static SemanticsDivergence? Find(CallShapes rule, Shape x, Shape y, ContractionResult result)
    {
        var other = rule.WithSemantics(Opposite(rule.Semantics)).Apply(x, y);
        if (Agree(result, other))
        {
            return null;
        }

        // Keep what the call computes now; a call that fails now can at least be made to compute what the other gives.
        var target = result.Plan ?? other.Plan;
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (target is not null && PortableAxes(rule, x, y, target) is { } axes)
        {
            properties = properties.Add(DiagnosticProperties.PortableAxes, DiagnosticProperties.EncodeAxes(axes.X, axes.Y));
        }

        return rule.Semantics == BatchDotSemantics.Keras224
            ? new SemanticsDivergence(result, other, properties)
            : new SemanticsDivergence(other, result, properties);
    }

    /// <summary>How the message names the Keras 2.2.4 outcome: <c>(9, 8, 7, 4, 5)</c>, or the error and its text.</summary>
    public string Keras224Text => Describe(Keras224);

    /// <summary>How the message names the tf.keras outcome; equal shapes with other values say so.</summary>
    public string TfKerasText => Keras224.ResultShape is { } shape && shape == TfKeras.ResultShape ? $"other values of shape {shape}" : Describe(TfKeras);

    /// <summary>How a message names the call's axes: <c></c> for the defaults, <c> with axes 1</c>, <c> with axes (3, 2)</c>.</summary>
    public static string DescribeAxes(CallShapes rule) => rule.AxesForm switch
    {
        AxesForm.Int => " with axes " + rule.AxisX.ToString(CultureInfo.InvariantCulture),
        AxesForm.Pair => $" with axes ({rule.AxisX.ToString(CultureInfo.InvariantCulture)}, {rule.AxisY.ToString(CultureInfo.InvariantCulture)})",
        _ => string.Empty,
    };

    private static string Describe(ContractionResult outcome)
        => outcome.Error is { } error ? $"an error (\"{error.Message}\")" : outcome.ResultShape!.ToString();

    private static BatchDotSemantics Opposite(BatchDotSemantics semantics)
        => semantics == BatchDotSemantics.Keras224 ? BatchDotSemantics.TfKeras : BatchDotSemantics.Keras224;

    // Both fail, or both compute the same thing (the criterion is the result shape; equal shapes with other
    // values would be a worse surprise, so they count too).
    private static bool Agree(ContractionResult a, ContractionResult b)
        => a.Plan is null ? b.Plan is null : b.Plan is not null && a.Plan.ComputesSameAs(b.Plan);

    // The first axes, non-negative ones first, under which both semantics compute the target.
    private static (int X, int Y)? PortableAxes(CallShapes rule, Shape x, Shape y, ContractionPlan target)
    {
        foreach (var (axisX, axisY) in Candidates(x.Rank, y.Rank))
        {
            var candidate = rule.WithAxes(axisX, axisY);
            if (candidate.WithSemantics(BatchDotSemantics.Keras224).Apply(x, y).Plan is { } keras && keras.ComputesSameAs(target)
                && candidate.WithSemantics(BatchDotSemantics.TfKeras).Apply(x, y).Plan is { } tf && tf.ComputesSameAs(target))
            {
                return (axisX, axisY);
            }
        }

        return null;
    }

    private static IEnumerable<(int X, int Y)> Candidates(int rankX, int rankY)
    {
        for (var sign = 0; sign < 2; sign++)
        {
            for (var axisX = 0; axisX < rankX; axisX++)
            {
                for (var axisY = 0; axisY < rankY; axisY++)
                {
                    // Negative axes are not the same as their positive twins in Keras 2.2.4 (it does not normalize them).
                    yield return sign == 0 ? (axisX, axisY) : (axisX - rankX, axisY - rankY);
                }
            }
        }
    }
}
