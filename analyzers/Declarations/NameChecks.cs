using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ShapedTensors.Generator.Parsing;

namespace ShapedTensors.Analyzers.Declarations;

/// <summary>
/// ST0112: dimension names whose size property the generated type cannot have, by the rule the generator skips such a
/// type by (<see cref="MemberKeys.ClashingDimensionName"/>).
/// </summary>
internal static class NameChecks
{
    public static void Report(SymbolAnalysisContext context, HelpLinks links, INamedTypeSymbol type, List<DeclaredDimension> dims, Func<int, Location> at)
    {
        // The first axis of each distinct name, by its property: a repeated name is one property, not a clash.
        var firstAxisOfName = new Dictionary<string, int>(StringComparer.Ordinal);
        var namesOfProperty = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var axis = 0; axis < dims.Count; axis++)
        {
            if (dims[axis].Kind != DimensionKind.Name || firstAxisOfName.ContainsKey(dims[axis].Name))
            {
                continue;
            }

            firstAxisOfName.Add(dims[axis].Name, axis);
            var property = MemberKeys.SizeProperty(dims[axis].Name);
            if (!namesOfProperty.TryGetValue(property, out var axes))
            {
                namesOfProperty.Add(property, axes = new List<int>());
            }

            axes.Add(axis);
        }

        foreach (var pair in namesOfProperty)
        {
            foreach (var axis in pair.Value)
            {
                var why = MemberKeys.UnavailableName(dims[axis].Name, type.Name)
                    ?? (pair.Value.Count > 1 ? $"is also that of dimension {Other(pair.Value, axis)}, named '{dims[Other(pair.Value, axis)].Name}'"
                    : null);
                if (why is not null)
                {
                    TensorDeclarationAnalyzer.Report(context, links, DiagnosticDescriptors.DimensionPropertyClash, at(axis), axis, type.Name, dims[axis].Name, pair.Key, why);
                }
            }
        }
    }

    // Another name with the same property: the first that is not this one.
    private static int Other(List<int> axes, int axis) => axes[0] == axis ? axes[1] : axes[0];
}
