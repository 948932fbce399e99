using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace ShapedTensors.Generator.Model;

/// <summary>
/// Groups the calls of the non-contraction operations into overloads per calling namespace, in the manner of
/// <see cref="SpecializationPlanner"/> (whose owners they share: canonical types and operations files go to one call site).
/// </summary>
internal static class OperationPlanner
{
    /// <summary>Each calling namespace's operation overloads; claims every output a call needs for its site.</summary>
    public static SortedDictionary<string, List<OperationOverloadModel>> Plan(ImmutableArray<OperationCallModel> calls, string generatedNamespace, SpecializationPlanner.Owners owners)
    {
        // One overload has one return type: when the same operand types with different options give different result
        // shapes (x.Sum(0) and x.Sum(1)), no overload can serve both, and both calls stay on the run-time fallback.
        var groups = calls
            .GroupBy(call => (call.Operation, call.Spelling, call.OptionForm, Operands: string.Join(",", call.Operands.Select(o => o.TypeName))))
            .Where(group => group.Select(call => (call.ResultDims, call.ResultNames)).Distinct().Count() == 1)
            .OrderBy(group => group.Key.Operation, StringComparer.Ordinal)
            .ThenBy(group => group.Key.Spelling)
            .ThenBy(group => group.Key.OptionForm, StringComparer.Ordinal)
            .ThenBy(group => group.Key.Operands, StringComparer.Ordinal);

        var canonicalPrefix = "global::" + generatedNamespace + ".";
        var byNamespace = new SortedDictionary<string, List<OperationOverloadModel>>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var first = group.First();
            var cases = group
                .GroupBy(call => call.Options)
                .Select(options => new OperationCase(options.Key, options.First().Axes))
                .OrderBy(c => OptionsKey(c.Options), StringComparer.Ordinal);
            var resultType = canonicalPrefix + Names.CanonicalType(first.Element, first.ResultDims, first.ResultNames);
            var overload = new OperationOverloadModel(first.Operation, first.Spelling, first.OptionForm, first.Operands, resultType, first.ResultDims, new EquatableArray<OperationCase>(cases)) { ResultNames = first.ResultNames };
            foreach (var call in group)
            {
                owners.Claim(call.Site, SpecializationPlanner.Canonical(generatedNamespace, call.Element, call.ResultDims, call.ResultNames));
                foreach (var operand in call.Operands.Where(o => o.TypeName.StartsWith(canonicalPrefix, StringComparison.Ordinal)))
                {
                    owners.Claim(call.Site, SpecializationPlanner.Canonical(generatedNamespace, operand.Element, operand.Dims, operand.DimNames));
                }

                if (!byNamespace.TryGetValue(call.Namespace, out var overloads))
                {
                    byNamespace[call.Namespace] = overloads = new List<OperationOverloadModel>();
                }

                if (!overloads.Contains(overload))
                {
                    overloads.Add(overload);
                }

                owners.ClaimNamespace(call.Site, call.Namespace);
            }
        }

        return byNamespace;
    }

    // A deterministic order of an overload's cases.
    private static string OptionsKey(OperationOptions options)
        => string.Join(",", new[] { options.Axis, options.KeepDims ? 1 : 0, options.AxesGivenAsInt ? 1 : 0 }.Concat(options.Values ?? new[] { int.MinValue }));
}
