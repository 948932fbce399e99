using Xunit;

namespace ShapedTensors.UsageTests;

/// <summary>
/// The tests that measure allocations, run after the others and alone: a generated call keeps the checks' results of
/// its last two run-time shapes in a static cache, so another test calling the same types with other sizes on another
/// thread would make a measured call plan (and allocate) again.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAlone
{
    public const string Name = "Allocations";
}
