using Xunit;

namespace ShapedTensors.UsageTests.Scoped
{
    // The fallbacks' namespace is imported in the same scope as the generated operations class: both are
    // candidates, and C# must still prefer the specialized overload (identity beats an interface conversion).
    using ShapedTensors;
    using ShapedTensors.Generated.ShapedTensors.UsageTests;

    public class ScopedUsingTests
    {
        [Fact]
        public void Specialized_overload_wins_in_the_same_scope_as_the_fallback()
        {
            var result = Left.Random(seed: 1).Dot(Right.Random(seed: 2));
            Assert.IsType<Float32_3x5>(result);
        }
    }
}
