using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Parsing;

/// <summary>A tensor type of another assembly that this compilation can name.</summary>
internal sealed record ReferencedTensorType(string FullName, EquatableArray<int> Dims, ElementKind Element, bool IsClass);

/// <summary>
/// Finds the tensor types of referenced assemblies that this compilation can name (public ones, and internal
/// ones of an assembly that gives it access), so that canonical result types convert to and from them.
/// Only assemblies that reference the ShapedTensors runtime can hold tensor types; each is walked once for the
/// life of its symbol (the compiler reuses a reference's symbols from one compilation to the next).
/// </summary>
internal static class ReferencedTensorTypes
{
    private const string RuntimeAssemblyName = "ShapedTensors";

    private static readonly ConditionalWeakTable<IAssemblySymbol, INamedTypeSymbol[]> TypesByAssembly = new();

    public static EquatableArray<ReferencedTensorType> Find(Compilation compilation, CancellationToken cancellationToken)
    {
        var found = new List<ReferencedTensorType>();
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (assembly.Name == RuntimeAssemblyName || !assembly.Modules.Any(module => module.ReferencedAssemblies.Any(reference => reference.Name == RuntimeAssemblyName)))
            {
                continue;
            }

            foreach (var type in TypesByAssembly.GetValue(assembly, TensorTypesOf))
            {
                if (compilation.IsSymbolAccessibleWithin(type, compilation.Assembly)
                    && TensorSymbols.IsNameableFromNamespace(type)
                    && TensorSymbols.GetDeclaredShape(type) is { } shape)
                {
                    found.Add(new ReferencedTensorType(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), shape.Dims, shape.Element, type.TypeKind == TypeKind.Class));
                }
            }
        }

        return new EquatableArray<ReferencedTensorType>(found.OrderBy(type => type.FullName, System.StringComparer.Ordinal));
    }

    // Every type with a valid [Tensor] shape that its assembly's generator extended, nested types included.
    private static INamedTypeSymbol[] TensorTypesOf(IAssemblySymbol assembly)
    {
        var types = new List<INamedTypeSymbol>();
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            var container = pending.Pop();
            if (container is INamespaceSymbol ns)
            {
                foreach (var member in ns.GetNamespaceMembers())
                {
                    pending.Push(member);
                }
            }

            foreach (var type in container.GetTypeMembers())
            {
                pending.Push(type);
                if (TensorSymbols.GetDeclaredShape(type) is not null && DeclarationParser.IsExtensible(type, CancellationToken.None))
                {
                    types.Add(type);
                }
            }
        }

        return types.ToArray();
    }
}
