using System;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using ShapedTensors.Analyzers.Tests.Support;
using Xunit;

namespace ShapedTensors.Analyzers.Tests;

/// <summary>
/// Property: a call whose shapes and options the shape algebra accepts never raises a diagnostic. Each call gets
/// its own operand types, so the generator specializes every one of them (no ST0003 either).
/// </summary>
public sealed class CompatibleCallPropertyTests
{
    [Theory]
    [InlineData(20251129, 12)]
    [InlineData(7, 12)]
    public async Task Random_compatible_calls_raise_no_diagnostic(int seed, int count)
    {
        var random = new Random(seed);
        var declarations = new StringBuilder();
        var calls = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var call = CompatibleCase.Draw(random);
            declarations.AppendLine(CultureInfo.InvariantCulture, $"{call.Attribute(call.X)} partial struct X{i};");
            declarations.AppendLine(CultureInfo.InvariantCulture, $"{call.Attribute(call.Y)} partial struct Y{i};");

            // The case is written beside its call, so a failure's line shows it.
            calls.AppendLine(CultureInfo.InvariantCulture, $"        var r{i} = new X{i}().{call.Operation}(new Y{i}(){call.Options}); // {call}");
        }

        await Verify.DiagnosticsOnceAsync(Source.Program(declarations.ToString(), calls.ToString().Trim()));
    }
}
