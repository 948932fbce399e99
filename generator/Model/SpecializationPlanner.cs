using System;
using System.Collections.Immutable;
using System.Linq;

namespace ShapedTensors.Generator.Model;

/// <summary>
/// Decides which overloads, kernels and canonical types the calls of a compilation need. Calls are grouped
/// by (signature, operand types): one overload per group, switching on the options to one kernel per
/// distinct option value, and one kernel per (operation, shapes, options) however many call sites use it.
/// </summary>
internal static class SpecializationPlanner
{
    public static Specialization Plan(ImmutableArray<CallModel> calls, string generatedNamespace)
    {
        // An overload has one return type, so a group whose calls disagree on the result shape (the same
        // operand types with options that give different shapes) cannot be specialized: its calls stay on
        // the run-time fallback.
        var groups = calls
            .GroupBy(call => (call.Signature, X: call.X.TypeName, Y: call.Y.TypeName))
            .Where(group => group.Select(call => call.ResultDims).Distinct().Count() == 1)
            .OrderBy(group => group.Key.Signature)
            .ThenBy(group => group.Key.X, StringComparer.Ordinal)
            .ThenBy(group => group.Key.Y, StringComparer.Ordinal)
            .ToList();

        var overloads = groups.Select(group =>
        {
            var first = group.First();
            var cases = group
                .GroupBy(call => call.Options)
                .Select(options => new OverloadCase(options.Key, Names.Kernel(options.First())))
                .OrderBy(c => c.Kernel, StringComparer.Ordinal);
            var resultType = "global::" + generatedNamespace + "." + Names.CanonicalType(first.X.Element, first.ResultDims);
            return (Overload: new OverloadModel(first.Signature, first.X, first.Y, resultType, first.ResultDims, new EquatableArray<OverloadCase>(cases)), Calls: group.ToList());
        }).ToList();

        var operations = overloads
            .SelectMany(o => o.Calls.Select(call => (call.Namespace, o.Overload)))
            .GroupBy(pair => pair.Namespace)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new OperationsModel(group.Key, generatedNamespace, new EquatableArray<OverloadModel>(group.Select(pair => pair.Overload).Distinct())));

        var kernels = groups
            .SelectMany(group => group)
            .GroupBy(Names.Kernel)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group =>
            {
                var call = group.First();
                return new KernelModel(group.Key, generatedNamespace, call.Signature, call.X.Dims, call.Y.Dims, call.Options, call.X.Element);
            });

        // Result types, and the canonical operand types of chained calls.
        var canonicalPrefix = "global::" + generatedNamespace + ".";
        var canonical = overloads
            .SelectMany(o => new[] { (o.Overload.X.Element, Dims: o.Overload.ResultDims, Name: o.Overload.ResultType), (o.Overload.X.Element, o.Overload.X.Dims, Name: o.Overload.X.TypeName), (o.Overload.Y.Element, o.Overload.Y.Dims, Name: o.Overload.Y.TypeName) })
            .Where(t => t.Name.StartsWith(canonicalPrefix, StringComparison.Ordinal))
            .Select(t => (t.Element, t.Dims))
            .Distinct()
            .Select(t => Canonical(generatedNamespace, t.Element, t.Dims))
            .OrderBy(type => type.Name, StringComparer.Ordinal);

        return new Specialization(
            new EquatableArray<OperationsModel>(operations),
            new EquatableArray<KernelModel>(kernels),
            new EquatableArray<TensorTypeModel>(canonical));
    }

    public static TensorTypeModel Canonical(string generatedNamespace, ElementKind element, EquatableArray<int> dims)
        => new(generatedNamespace, EquatableArray<ContainingType>.Empty, Names.CanonicalType(element, dims), "readonly struct", "internal", dims, element, AddTensorAttribute: true);
}
