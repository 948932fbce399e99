using ShapedTensors;
using ShapedTensors.Generated.ShapedTensors.UsageTests;
using ShapedTensors.UsageTests;
using Xunit;

// A call site in the global namespace: the generated class goes to the global namespace, the same scope
// as the fallbacks brought in by the using directive above.
#pragma warning disable CA1050 // Deliberately in the global namespace.
public class GlobalNamespaceTests
{
    [Fact]
    public void Specialized_overload_wins_in_the_global_namespace()
    {
        var result = W.Random(seed: 1).BatchDot(K.Ones());
        Assert.IsType<Float32_10x12x4x8>(result);
    }
}
