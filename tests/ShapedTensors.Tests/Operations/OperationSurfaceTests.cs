using System;
using System.Linq;
using System.Reflection;
using Xunit;

namespace ShapedTensors.Tests.Operations;

/// <summary>
/// Every catalogue operation has its run-time surface: written from the catalogue for the broadcasting, unary and
/// reduction families (runtime/Surface), by hand for the others.
/// </summary>
public sealed class OperationSurfaceTests
{
    [Theory]
    [InlineData(nameof(OperationFamily.Broadcast), typeof(ElementwiseOperation))]
    [InlineData(nameof(OperationFamily.Unary), typeof(UnaryOperation))]
    [InlineData(nameof(OperationFamily.Reduction), typeof(ReductionOperation))]
    public void A_family_kernel_enum_names_the_catalogue_operations_in_order(string family, Type kind)
        => Assert.Equal(OperationCatalog.All.Where(operation => operation.Family.ToString() == family).Select(operation => operation.Name), Enum.GetNames(kind));

    [Fact]
    public void Every_operation_is_a_DynamicTensor_method_and_a_fallback_with_its_destination_form()
    {
        foreach (var operation in OperationCatalog.All)
        {
            var methods = Public(typeof(DynamicTensor<float>), operation.Name);
            var fallbacks = Public(typeof(ShapedTensorFallbacks), operation.Name);
            Assert.Contains(methods, method => method.ReturnType == typeof(DynamicTensor<float>));
            Assert.Contains(methods, method => method.ReturnType == typeof(void));
            Assert.Contains(fallbacks, method => method.ReturnType.Name == "DynamicTensor`1");
            if (operation != OperationCatalog.Concatenate) // a third tensor and a destination would look alike
            {
                Assert.Contains(fallbacks, method => method.ReturnType == typeof(void));
            }
        }
    }

    [Fact]
    public void Every_reduction_names_its_result_type_in_both_element_types()
    {
        // x.Prod<T41>(1, keepdims: true): an int axis or a list (null: every axis), for float and double receivers.
        foreach (var operation in OperationCatalog.All.Where(operation => operation.Family == OperationFamily.Reduction))
        {
            var forms = Public(typeof(ShapedTensorFallbacks), operation.Name)
                .Where(method => method.GetGenericArguments() is [{ Name: "TResult" }])
                .Select(method => string.Join(", ", method.GetParameters().Select(p => $"{Written(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : string.Empty)}")))
                .Order(StringComparer.Ordinal);
            Assert.Equal(
                [
                    "IShapedTensor<Double> x, Int32 axis, Boolean keepdims = False",
                    "IShapedTensor<Double> x, Int32[] axis = null, Boolean keepdims = False",
                    "IShapedTensor<Single> x, Int32 axis, Boolean keepdims = False",
                    "IShapedTensor<Single> x, Int32[] axis = null, Boolean keepdims = False",
                ],
                forms);
            Assert.Contains(operation.Name, ResultTypeText.Operations);
        }
    }

    [Fact]
    public void Every_operator_of_the_catalogue_is_a_DynamicTensor_operator()
    {
        foreach (var operation in OperationCatalog.All.Where(operation => operation.Operator is not null))
        {
            var name = (operation.Operator, operation.Operands) switch
            {
                ("+", 2) => "op_Addition",
                ("-", 2) => "op_Subtraction",
                ("*", 2) => "op_Multiply",
                ("/", 2) => "op_Division",
                _ => "op_UnaryNegation",
            };
            Assert.NotEmpty(Public(typeof(DynamicTensor<float>), name));
        }
    }

    private static string Written(Type type)
        => type.IsGenericType ? type.Name[..type.Name.IndexOf('`')] + "<" + string.Join(", ", type.GetGenericArguments().Select(Written)) + ">" : type.Name;

    private static MethodInfo[] Public(Type type, string name)
        => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Where(method => method.Name == name).ToArray();
}
