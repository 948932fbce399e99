using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ShapedTensors.Analyzers.Tests.Support;
using Xunit;

namespace ShapedTensors.Analyzers.Tests;

/// <summary>
/// Property: a call whose shapes and options the shape algebra accepts raises no diagnostic but ST0008, exactly
/// where tf.keras' batch_dot would give another result shape (or fail). Each call gets its own operand types, so
/// the generator specializes every one of them (no ST0003 either).
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
        var expected = new List<DiagnosticResult>();
        for (var i = 0; i < count; i++)
        {
            var call = CompatibleCase.Draw(random);
            declarations.AppendLine(CultureInfo.InvariantCulture, $"{call.Attribute(call.X)} partial struct X{i};");
            declarations.AppendLine(CultureInfo.InvariantCulture, $"{call.Attribute(call.Y)} partial struct Y{i};");

            // The case is written beside its call, so a failure's line shows it.
            var text = $"new X{i}().{call.Operation}(new Y{i}(){call.Options})";
            if (call.Diverges)
            {
                text = $"{{|#{expected.Count}:{text}|}}";
                expected.Add(new DiagnosticResult("ST0008", DiagnosticSeverity.Warning).WithLocation(expected.Count).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
            }

            calls.AppendLine(CultureInfo.InvariantCulture, $"        var r{i} = {text}; // {call}");
        }

        await Verify.SemanticsAsync(Source.Program(declarations.ToString(), calls.ToString().Trim()), setting: null, expected.ToArray(), once: true);
    }
}
