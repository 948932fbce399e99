// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
namespace ShapedTensors;

/// <summary>
/// The outcome of applying a shape rule: either a <see cref="ContractionPlan"/> (with the result shape)
/// or a <see cref="ShapeError"/> with the exact text TensorFlow raises.
/// </summary>
public sealed class ContractionResult
{
    private ContractionResult(ContractionPlan? plan, ShapeError? error)
    {
        Plan = plan;
        Error = error;
    }

    /// <summary>Whether the shapes are compatible.</summary>
    public bool Succeeded => Plan is not null;

    /// <summary>How to compute the result, when <see cref="Succeeded"/>.</summary>
    public ContractionPlan? Plan { get; }

    /// <summary>The result shape, when <see cref="Succeeded"/>.</summary>
    public Shape? ResultShape => Plan?.Result;

    /// <summary>Why the shapes are incompatible, when not <see cref="Succeeded"/>.</summary>
    public ShapeError? Error { get; }

    /// <inheritdoc/>
    public override string ToString() => Plan is not null ? Plan.Result.ToString() : Error!.Message;

    internal static ContractionResult Success(ContractionPlan plan) => new(plan, null);

    internal static ContractionResult Failure(ShapeError error) => new(null, error);
}
