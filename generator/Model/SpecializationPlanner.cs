using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ShapedTensors.Generator.Emit;

namespace ShapedTensors.Generator.Model;

/// <summary>
/// Decides which overloads, kernels and canonical types the calls of a compilation need, and which call site
/// emits each. Calls are grouped by (signature, operand types): one overload per group, switching on the
/// options to the kernel of each distinct option value, and one kernel per contraction plan however many
/// operations, options and call sites compute it.
/// </summary>
internal static class SpecializationPlanner
{
    public static Specialization Plan(ImmutableArray<CallModel> calls, string generatedNamespace) => Plan(calls, ImmutableArray<OperationCallModel>.Empty, generatedNamespace);

    /// <summary>The outputs of the contractions and of the other operations: they share canonical types and operations files.</summary>
    public static Specialization Plan(ImmutableArray<CallModel> calls, ImmutableArray<OperationCallModel> operationCalls, string generatedNamespace)
    {
        // An overload has one return type, so a group whose calls disagree on the result shape (the same
        // operand types with options that give different shapes) cannot be specialized: its calls stay on
        // the run-time fallback. Options spelled as markers (Transpose.A) are part of the overload's parameter types,
        // so each marker is a group of its own and never disagrees.
        var groups = calls
            .GroupBy(call => (call.Signature, X: call.X.TypeName, Y: call.Y.TypeName, Marker: Marker(call)))
            .Where(group => group.Select(call => (call.ResultDims, call.ResultNames)).Distinct().Count() == 1)
            .OrderBy(group => group.Key.Signature)
            .ThenBy(group => group.Key.X, StringComparer.Ordinal)
            .ThenBy(group => group.Key.Y, StringComparer.Ordinal)
            .ThenBy(group => group.Key.Marker, StringComparer.Ordinal)
            .ToList();

        var owners = new Owners();
        var canonicalPrefix = "global::" + generatedNamespace + ".";
        var overloadsByNamespace = new SortedDictionary<string, List<OverloadModel>>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var first = group.First();
            var cases = group
                .GroupBy(call => call.Options)
                .Select(options => new OverloadCase(options.Key, KernelModel.For(options.First(), generatedNamespace)))
                .OrderBy(c => c.Kernel?.Name ?? Pattern(c.Options), StringComparer.Ordinal)
                .ThenBy(c => c.Options.Text, StringComparer.Ordinal);
            var resultType = canonicalPrefix + Names.CanonicalType(first.X.Element, first.ResultDims, first.ResultNames);
            var overload = new OverloadModel(first.Signature, first.X, first.Y, resultType, first.ResultDims, new EquatableArray<OverloadCase>(cases), first.Semantics) { ResultNames = first.ResultNames };
            foreach (var call in group)
            {
                // One kernel per plan, however many operations, options and call sites compute it.
                if (KernelModel.For(call, generatedNamespace) is { } kernel)
                {
                    owners.Claim(call.Site, kernel);
                }

                owners.Claim(call.Site, Canonical(generatedNamespace, call.X.Element, call.ResultDims, call.ResultNames));

                // Canonical operand types of chained calls (normally also another call's result).
                foreach (var operand in new[] { call.X, call.Y }.Where(o => o.TypeName.StartsWith(canonicalPrefix, StringComparison.Ordinal)))
                {
                    owners.Claim(call.Site, Canonical(generatedNamespace, operand.Element, operand.Dims, operand.DimNames));
                }

                // Einsum is no extension method: its overloads live in the generated namespace, which a generated
                // global using static brings into every file (see OperationsEmitter).
                var ns = call.Signature.IsEinsum() ? generatedNamespace : call.Namespace;
                if (!overloadsByNamespace.TryGetValue(ns, out var overloads))
                {
                    overloadsByNamespace[ns] = overloads = new List<OverloadModel>();
                }

                if (!overloads.Contains(overload))
                {
                    overloads.Add(overload);
                }

                owners.ClaimNamespace(call.Site, ns);
            }
        }

        var operationsByNamespace = OperationPlanner.Plan(operationCalls, generatedNamespace, owners);
        var hintNames = HintNames.ForOperations(overloadsByNamespace.Keys.Union(operationsByNamespace.Keys));
        return owners.Assign(ns => new OperationsModel(
            ns,
            generatedNamespace,
            new EquatableArray<OverloadModel>(overloadsByNamespace.TryGetValue(ns, out var overloads) ? overloads : new List<OverloadModel>()),
            hintNames[ns])
        {
            Operations = new EquatableArray<OperationOverloadModel>(operationsByNamespace.TryGetValue(ns, out var operations) ? operations : new List<OperationOverloadModel>()),
        });
    }

    public static TensorTypeModel Canonical(string generatedNamespace, ElementKind element, EquatableArray<int> dims, EquatableArray<string> names)
        => new(generatedNamespace, EquatableArray<ContainingType>.Empty, Names.CanonicalType(element, dims, names), "readonly struct", "internal", dims, element, AddTensorAttribute: true, IsNameable: true, EquatableArray<string>.Empty)
        {
            DimNames = names,
        };

    /// <summary>The marker type a call's overload takes (<c>TransposeA</c>), or null: each marker is an overload of its own.</summary>
    public static string? Marker(CallModel call)
        => call.Signature == Signature.MatMulMarker ? OptionMarkers.TransposeType(call.Options.TransposeA, call.Options.TransposeB) : null;

    // The order of an overload's cases without a kernel (calls on partially known shapes the runtime computes).
    private static string Pattern(CallOptions options)
        => $"{options.AxisX:D3}{options.AxisY:D3}{(options.TransposeA ? 1 : 0)}{(options.TransposeB ? 1 : 0)}{options.Text}";

    // Every output goes to the smallest site (ordinal) among the calls that need it.
    internal sealed class Owners
    {
        private readonly Dictionary<KernelModel, string> _kernels = new();
        private readonly Dictionary<TensorTypeModel, string> _types = new();
        private readonly Dictionary<string, string> _namespaces = new(StringComparer.Ordinal);

        public void Claim(string site, KernelModel kernel) => Keep(_kernels, kernel, site);

        public void Claim(string site, TensorTypeModel type) => Keep(_types, type, site);

        public void ClaimNamespace(string site, string ns) => Keep(_namespaces, ns, site);

        public Specialization Assign(Func<string, OperationsModel> operations)
        {
            var sites = _kernels.Values.Concat(_types.Values).Concat(_namespaces.Values).Distinct().OrderBy(site => site, StringComparer.Ordinal);
            var owned = sites.Select(site => (site, new OwnedOutputs(
                Sorted(_kernels.Where(pair => pair.Value == site).Select(pair => pair.Key), kernel => kernel.Name),
                Sorted(_types.Where(pair => pair.Value == site).Select(pair => pair.Key), type => type.Name),
                Sorted(_namespaces.Where(pair => pair.Value == site).Select(pair => operations(pair.Key)), model => model.Namespace))));
            return new Specialization(new EquatableArray<(string, OwnedOutputs)>(owned));
        }

        private static void Keep<T>(Dictionary<T, string> owners, T output, string site)
            where T : notnull
        {
            if (!owners.TryGetValue(output, out var owner) || string.CompareOrdinal(site, owner) < 0)
            {
                owners[output] = site;
            }
        }

        private static EquatableArray<T> Sorted<T>(IEnumerable<T> items, Func<T, string> key)
            where T : IEquatable<T>
            => new(items.OrderBy(key, StringComparer.Ordinal));
    }
}
