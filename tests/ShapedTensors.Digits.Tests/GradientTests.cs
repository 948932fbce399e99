using System;
using Digits;
using Xunit;

namespace ShapedTensors.Digits.Tests;

/// <summary>
/// The hand-written backward pass of <see cref="TrainingStep"/> against an independent naive implementation and against
/// central finite differences of the loss.
/// </summary>
public class GradientTests
{
    [Theory]
    [InlineData(16)]
    [InlineData(64)]
    public void The_step_gives_the_naive_implementation_s_loss_and_gradients(int batch)
    {
        var model = Batches.Model(seed: 5);
        var (images, labels) = Batches.First(batch);
        var step = new TrainingStep(model);

        var loss = step.ComputeGradients(Images.FromArray(images), Batches.OneHotOf(labels));
        var (naiveLoss, naive) = new NaiveMlp(model).Gradients(images, labels);

        Assert.Equal(naiveLoss, loss, 5e-6 * naiveLoss);
        AssertClose(naive, step.Gradients, absolute: 2e-6, relative: 1e-4);
    }

    [Fact]
    public void The_gradients_are_the_naive_loss_s_central_differences()
    {
        // In double precision, with h = 1e-6: rounding and truncation errors are far below float32's. A ReLU kink within
        // h of some unit would spoil a difference; the assertion would say which parameter.
        var model = Batches.Model(seed: 6);
        var (images, labels) = Batches.First(16);
        var step = new TrainingStep(model);
        step.ComputeGradients(Images.FromArray(images), Batches.OneHotOf(labels));

        var naive = new NaiveMlp(model);
        var parameters = naive.All;
        var differences = new double[parameters.Length][];
        const double h = 1e-6;
        for (var p = 0; p < parameters.Length; p++)
        {
            differences[p] = new double[parameters[p].Length];
            for (var i = 0; i < parameters[p].Length; i++)
            {
                var saved = parameters[p][i];
                parameters[p][i] = saved + h;
                var up = naive.Loss(images, labels);
                parameters[p][i] = saved - h;
                var down = naive.Loss(images, labels);
                parameters[p][i] = saved;
                differences[p][i] = (up - down) / (2 * h);
            }
        }

        AssertClose(differences, step.Gradients, absolute: 1e-5, relative: 1e-3);
    }

    [Fact]
    public void The_second_layer_s_gradients_are_the_step_s_own_central_differences()
    {
        // The step's own float32 loss, perturbed by h = 1e-2 (float32 differences of a smaller step are mostly rounding).
        // The loss is smooth in W2 and b2 (no ReLU after them), so the error is h²-small: about 1e-5 here.
        var model = Batches.Model(seed: 7);
        var (images, labels) = Batches.First(16);
        var x = Images.FromArray(images);
        var y = Batches.OneHotOf(labels);
        var step = new TrainingStep(model);
        step.ComputeGradients(x, y);
        var analytic = step.Gradients.Clone();

        foreach (var (parameter, gradient) in new[] { (model.W2.ToDynamic(), analytic.W2.ToDynamic()), (model.B2.ToDynamic(), analytic.B2.ToDynamic()) })
        {
            var values = parameter.AsSpan();
            for (var i = 0; i < values.Length; i++)
            {
                const float h = 1e-2f;
                var saved = values[i];
                values[i] = saved + h;
                var up = step.ComputeGradients(x, y);
                values = parameter.AsSpan();
                values[i] = saved - h;
                var down = step.ComputeGradients(x, y);
                values[i] = saved;
                var difference = (up - down) / (2 * h);
                Assert.True(Math.Abs(difference - gradient.AsReadOnlySpan()[i]) <= 3e-4, $"{parameter.Shape}[{i}]: step {gradient.AsReadOnlySpan()[i]}, difference {difference}");
            }
        }
    }

    private static void AssertClose(double[][] expected, Parameters actual, double absolute, double relative)
    {
        var names = new[] { "W1", "b1", "W2", "b2" };
        var spans = new[] { actual.W1.ToArray(), actual.B1.ToArray(), actual.W2.ToArray(), actual.B2.ToArray() };
        for (var p = 0; p < expected.Length; p++)
        {
            Assert.Equal(expected[p].Length, spans[p].Length);
            for (var i = 0; i < expected[p].Length; i++)
            {
                var tolerance = absolute + (relative * Math.Abs(expected[p][i]));
                Assert.True(Math.Abs(expected[p][i] - spans[p][i]) <= tolerance, $"d{names[p]}[{i}]: expected {expected[p][i]}, got {spans[p][i]}");
            }
        }
    }
}
