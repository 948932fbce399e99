using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Parsing;

/// <summary>
/// Works out the shape of an operand expression and the type it will have once the generator's output
/// exists. The generator cannot see its own output, so in its view a chained call such as
/// <c>a.Dot(b).MatMul(c)</c> or <c>var z = a.Dot(b); z.MatMul(c)</c> has no known type; the evaluator
/// follows such expressions back to declared tensor types and applies the shape algebra on the way.
/// </summary>
internal sealed class ShapeEvaluator
{
    private const int MaxDepth = 32;

    private static readonly string[] Factories = { "Zeros", "Ones", "Random", "FromArray", "FromSpan", "FromFunction", "Wrap", "FromDynamic" };

    private readonly SemanticModel _model;
    private readonly string _generatedNamespace;
    private readonly BatchDotSemantics _semantics;
    private readonly CancellationToken _cancellationToken;

    public ShapeEvaluator(SemanticModel model, string generatedNamespace, BatchDotSemantics semantics, CancellationToken cancellationToken)
    {
        _model = model;
        _generatedNamespace = generatedNamespace;
        _semantics = semantics;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Whether a BatchDot decided a shape in what was evaluated, so that another semantics could change it.</summary>
    public bool UsedBatchDot { get; private set; }

    /// <summary>The operand, or null when its shape cannot be known at compile time.</summary>
    public OperandModel? Evaluate(ExpressionSyntax expression) => Evaluate(expression, 0);

    /// <summary>The result of a call whose operands are known and compatible, or null.</summary>
    /// <param name="call">The parsed call.</param>
    /// <param name="callNamespace">The namespace enclosing the call.</param>
    /// <param name="site">Where the call is (see <see cref="CallModel.Site"/>).</param>
    public CallModel? EvaluateCall(ParsedCall call, string callNamespace, string site) => EvaluateCall(call, callNamespace, site, 0);

    private CallModel? EvaluateCall(ParsedCall call, string callNamespace, string site, int depth)
    {
        if (call.Options is null
            || Evaluate(call.Receiver, depth + 1) is not { } x
            || (call.Signature == Signature.EinsumOne ? x : Evaluate(call.Right, depth + 1)) is not { } y
            || x.Element != y.Element)
        {
            return null;
        }

        // A result too large for an array (a huge outer product, say) has no type; it stays on the fallback.
        var isBatchDot = call.Signature.Operation() == Operation.BatchDot;
        UsedBatchDot |= isBatchDot;
        var semantics = isBatchDot ? _semantics : BatchDotSemantics.Keras224;
        if (call.Signature.IsLabelled())
        {
            return x.IsPartial || y.IsPartial
                ? EvaluatePartialLabelled(call, call.Options, x, y, callNamespace, site)
                : EvaluateLabelled(call, call.Options, x, y, callNamespace, site);
        }

        if (x.IsPartial || y.IsPartial)
        {
            return EvaluatePartialCall(call, call.Options, x, y, semantics, callNamespace, site);
        }

        var result = CallAlgebra.Apply(call.Signature, x.Dims, y.Dims, call.Options, semantics);
        return result.Plan is { Result.ElementCount: <= TensorSymbols.MaxElements } plan
            ? new CallModel(call.Signature, x, y, call.Options, new EquatableArray<int>(plan.Result.ToArray()), PlanModel.From(plan, Length(x), Length(y)), semantics, callNamespace, site)
            : null;
    }

    /// <summary>The result of an operation whose operands are known and accepted by its rule, or null.</summary>
    /// <param name="operation">The parsed call or operator.</param>
    /// <param name="callNamespace">The namespace enclosing the call.</param>
    /// <param name="site">Where the call is (see <see cref="CallModel.Site"/>).</param>
    public OperationCallModel? EvaluateOperation(ParsedOperation operation, string callNamespace, string site) => EvaluateOperation(operation, callNamespace, site, 0);

    // Operands with sizes known only at run time are graph time on their static shapes (the analyzer reports its
    // errors); the result carries the names and `?` the rule gives it.
    private OperationCallModel? EvaluateOperation(ParsedOperation operation, string callNamespace, string site, int depth)
    {
        if (operation.Options is null)
        {
            return null;
        }

        var operands = new OperandModel?[operation.Operands.Count];
        OperandModel? tensor = null;
        for (var i = 0; i < operands.Length; i++)
        {
            operands[i] = Evaluate(operation.Operands[i], depth + 1);
            if (operands[i] is { } known && tensor is not null && known.Element != tensor.Element)
            {
                return null;
            }

            tensor ??= operands[i];
        }

        // No tensor at all (i + 1): the common case, decided before anything else is bound.
        if (tensor is null)
        {
            return null;
        }

        for (var i = 0; i < operands.Length; i++)
        {
            if (operands[i] is null)
            {
                if (operation.Descriptor.Family != OperationFamily.Broadcast || !ScalarOperands.Fits(operation.Operands[i], tensor.Element, _model, _cancellationToken))
                {
                    return null;
                }

                operands[i] = OperandModel.Scalar(tensor.Element);
            }
        }

        var rule = OperationRules.Apply(operation.Descriptor, operands.Select(operand => operand!.ToStatic()).ToArray(), operation.Options);
        // A result whose known sizes alone hold more elements than an array can has no type (a scalar is fine).
        if (rule.Result is not { } result)
        {
            return null;
        }

        var (dims, names) = DimsModel.From(result);
        if (dims.Count > 0 && TensorSymbols.Validate(dims) != DeclarationProblem.None)
        {
            return null;
        }

        return new OperationCallModel(
            operation.Descriptor.Name,
            operation.Spelling,
            operation.OptionForm,
            new EquatableArray<OperandModel>(operands!),
            operation.Options,
            new EquatableArray<int>(rule.Axes),
            dims,
            callNamespace,
            site)
        { ResultNames = names };
    }

    // An einsum or tensordot the rule accepts: its lowering's product is the kernel (the same plan as the BatchDot or
    // MatMul it amounts to, so the same kernel), or none when its labels fit no product (the runtime's loop computes it).
    private static CallModel? EvaluateLabelled(ParsedCall call, CallOptions options, OperandModel x, OperandModel y, string callNamespace, string site)
    {
        var (xs, ys) = (new Shape(x.Dims.ToArray()), new Shape(y.Dims.ToArray()));
        var shapes = call.Signature == Signature.EinsumOne ? new[] { xs } : new[] { xs, ys };
        var rule = call.Signature.IsEinsum()
            ? OperationRules.Einsum(options.Text, shapes.Select(shape => shape.Static).ToArray())
            : call.Axes is { } axes ? OperationRules.TensorDot(xs.Static, ys.Static, axes) : null;
        if (rule is not { Outcome.Error: null, Labels: { } labels })
        {
            return null;
        }

        var lowering = EinsumLowering.Create(labels, shapes);
        var dims = new EquatableArray<int>(lowering.Result.ToArray());
        if (lowering.Result.ElementCount > TensorSymbols.MaxElements || (dims.Count > 0 && TensorSymbols.Validate(dims) != DeclarationProblem.None))
        {
            return null;
        }

        // One operand's loops are emitted in its overload (UnaryEinsumEmitter), from the equation and the shape.
        var plan = lowering.Plan is not { } product || call.Signature == Signature.EinsumOne ? null
            : lowering.Swapped ? PlanModel.From(product, Length(y), Length(x))
            : PlanModel.From(product, Length(x), Length(y));
        return new CallModel(call.Signature, x, y, options with { Swapped = plan is not null && lowering.Swapped }, dims, plan, BatchDotSemantics.Keras224, callNamespace, site);
    }

    // An einsum or tensordot on partially known shapes: graph time on the static shapes (the analyzer reports its errors
    // and the sizes left to run time); the result carries the names and `?` the rule gives it. The overload checks the
    // run-time shapes (PartialEinsum); the kernel, if one loop nest of the lowering serves every run-time size but the
    // count of products (KernelLayout, as a partial BatchDot's), else the runtime's einsum computes.
    private static CallModel? EvaluatePartialLabelled(ParsedCall call, CallOptions options, OperandModel x, OperandModel y, string callNamespace, string site)
    {
        var (xs, ys) = (x.ToStatic(), y.ToStatic());
        var rule = call.Signature.IsEinsum()
            ? OperationRules.Einsum(options.Text, call.Signature == Signature.EinsumOne ? new[] { xs } : new[] { xs, ys })
            : call.Axes is { } axes ? OperationRules.TensorDot(xs, ys, axes) : null;
        if (rule is not { Outcome: { Error: null, Result: { } result } }
            || DimsModel.From(result) is var (dims, names) && dims.Count > 0 && TensorSymbols.Validate(dims) != DeclarationProblem.None)
        {
            return null;
        }

        // One operand's calls compute through the runtime's einsum.
        var (layout, swapped) = call.Signature != Signature.EinsumOne && rule.Labels is { } labels
            ? EinsumLowering.FindLayout(labels, xs, ys)
            : (null, false);
        var plan = layout is null ? null
            : swapped ? PlanModel.WithRunTimeBatch(layout, KernelLayout.ProbeLength(ys), KernelLayout.ProbeLength(xs))
            : PlanModel.WithRunTimeBatch(layout, KernelLayout.ProbeLength(xs), KernelLayout.ProbeLength(ys));
        return new CallModel(call.Signature, x, y, options with { Swapped = plan is not null && swapped }, dims, plan, BatchDotSemantics.Keras224, callNamespace, site) { ResultNames = names };
    }

    // A call on partially known shapes: graph time as TF would do it on the static shapes (the analyzer reports its
    // errors); the kernel, if one loop nest serves every run-time size but the count of products (KernelLayout).
    // tf.keras' batch_dot is specified for fully known shapes only: such calls stay on the run-time fallback.
    private static CallModel? EvaluatePartialCall(ParsedCall call, CallOptions options, OperandModel x, OperandModel y, BatchDotSemantics semantics, string callNamespace, string site)
    {
        if (semantics == BatchDotSemantics.TfKeras)
        {
            return null;
        }

        var (xs, ys) = (x.ToStatic(), y.ToStatic());
        // A result whose known sizes alone hold more elements than an array can has no type (a scalar is fine).
        if (CallAlgebra.ApplyStatic(call.Signature, xs, ys, options).Result is not { } result
            || DimsModel.From(result) is var (dims, names) && dims.Count > 0 && TensorSymbols.Validate(dims) != DeclarationProblem.None)
        {
            return null;
        }

        var layout = KernelLayout.Find(xs, ys, (rx, ry) => CallAlgebra.Apply(call.Signature, rx, ry, options));
        var plan = layout is null ? null : PlanModel.WithRunTimeBatch(layout, KernelLayout.ProbeLength(xs), KernelLayout.ProbeLength(ys));
        return new CallModel(call.Signature, x, y, options, dims, plan, semantics, callNamespace, site) { ResultNames = names };
    }

    // Syntax first: binding a whole expression (GetTypeInfo) is the expensive query, especially on calls the
    // generator's own output will resolve, so it is the last resort. Type names bind speculatively and
    // names through LookupSymbols, neither of which binds the method body.
    private OperandModel? Evaluate(ExpressionSyntax expression, int depth)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (depth > MaxDepth)
        {
            return null;
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Evaluate(parenthesized.Expression, depth + 1);
            case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed:
                return Evaluate(suppressed.Operand, depth + 1);
            case CastExpressionSyntax cast:
                return FromType(BindType(cast.Type));
            case ObjectCreationExpressionSyntax creation:
                return FromType(BindType(creation.Type));
            case DefaultExpressionSyntax { Type: { } defaultType }:
                return FromType(BindType(defaultType));
            case InvocationExpressionSyntax invocation when CallParser.IsCandidate(invocation, _cancellationToken):
                return CallParser.Parse(invocation, _model, _cancellationToken) is { Destination: null } call
                    && EvaluateCall(call, string.Empty, string.Empty, depth) is { } result
                        ? Canonical(result.X.Element, result.ResultDims, result.ResultNames)
                        : null;
            case InvocationExpressionSyntax or BinaryExpressionSyntax or PrefixUnaryExpressionSyntax when OperationParser.IsCandidate(expression, _cancellationToken):
                // An operation on tensors; anything else (i + 1, -n, list.Max()) falls through to its bound type.
                if (OperationParser.Parse(expression, _model, _cancellationToken) is { } operation
                    && EvaluateOperation(operation, string.Empty, string.Empty, depth) is { } operationResult)
                {
                    return Canonical(operationResult.Element, operationResult.ResultDims, operationResult.ResultNames);
                }

                if (expression is not InvocationExpressionSyntax)
                {
                    return null;
                }

                break;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: SimpleNameSyntax name } access } when System.Array.IndexOf(Factories, name.Identifier.ValueText) >= 0
                && FromType(BindType(SyntaxFactory.ParseTypeName(access.Expression.ToString()), access.Expression.SpanStart)) is { } factoryType:
                // W.Zeros(), W.Random(seed: 1), ...: generated factories return their own type.
                return factoryType;
            case IdentifierNameSyntax identifier when FromName(identifier, depth, out var named):
                return named;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } generic } }
                when ResultTypeText.Operations.Contains(generic.Identifier.ValueText):
                // x.Reshape<Flat>(), x.Sum<T41>(1, keepdims: true): a result-type form returns the type it names.
                return FromType(BindType(generic.TypeArgumentList.Arguments[0]));
        }

        // Whatever else the expression is, a value of a declared tensor type has that type's shape.
        return FromType(_model.GetTypeInfo(expression, _cancellationToken).Type);
    }

    // A local, parameter, field or property by name; a local declared with var takes the type of its
    // initializer, which may be a generated call. False when the name is none of those.
    private bool FromName(IdentifierNameSyntax identifier, int depth, out OperandModel? operand)
    {
        operand = null;
        foreach (var symbol in _model.LookupSymbols(identifier.SpanStart, name: identifier.Identifier.ValueText))
        {
            switch (symbol)
            {
                case ILocalSymbol local:
                    if (local.DeclaringSyntaxReferences.Length == 1
                        && local.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type.IsVar: true } } declarator)
                    {
                        operand = declarator.Initializer?.Value is { } initializer && declarator.SyntaxTree == _model.SyntaxTree
                            ? Evaluate(initializer, depth + 1)
                            : null;
                        return true;
                    }

                    if (DeconstructedFrom(local) is { } element)
                    {
                        operand = Evaluate(element, depth + 1);
                        return true;
                    }

                    operand = FromType(local.Type);
                    return true;
                case IParameterSymbol parameter:
                    operand = FromType(parameter.Type);
                    return true;
                case IFieldSymbol field:
                    operand = FromType(field.Type);
                    return true;
                case IPropertySymbol property:
                    operand = FromType(property.Type);
                    return true;
            }
        }

        return false;
    }

    // var (a, b) = (e1, e2) or (var a, var b) = (e1, e2): the element a local takes, when the right side is a tuple
    // literal of this file (its elements may be generated calls, which have no type in the generator's view).
    private ExpressionSyntax? DeconstructedFrom(ILocalSymbol local)
    {
        if (local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is not SingleVariableDesignationSyntax designation
            || designation.SyntaxTree != _model.SyntaxTree)
        {
            return null;
        }

        SyntaxNode position = designation;
        var index = -1;
        switch (designation.Parent)
        {
            case ParenthesizedVariableDesignationSyntax list when list.Parent is DeclarationExpressionSyntax { Type.IsVar: true } declaration:
                index = list.Variables.IndexOf(designation);
                position = declaration;
                break;
            case DeclarationExpressionSyntax { Type.IsVar: true, Parent: ArgumentSyntax { Parent: TupleExpressionSyntax tuple } argument }:
                index = tuple.Arguments.IndexOf(argument);
                position = tuple;
                break;
        }

        return index >= 0
            && position.Parent is AssignmentExpressionSyntax { Right: TupleExpressionSyntax values } assignment
            && assignment.Left == position
            && index < values.Arguments.Count
                ? values.Arguments[index].Expression
                : null;
    }

    private ITypeSymbol? BindType(TypeSyntax type) => BindType(type, type.SpanStart);

    private ITypeSymbol? BindType(TypeSyntax type, int position)
        => _model.GetSpeculativeTypeInfo(position, type, SpeculativeBindingOption.BindAsTypeOrNamespace).Type;

    private static long Length(OperandModel operand) => operand.Dims.Contains(0) ? 0 : operand.Dims.Aggregate(1L, (product, dim) => product * dim);

    private OperandModel Canonical(ElementKind element, EquatableArray<int> dims, EquatableArray<string> names)
        => new("global::" + _generatedNamespace + "." + Names.CanonicalType(element, dims, names), dims, element, IsClass: false) { DimNames = names };

    // Only types the generator does extend have the members specialized overloads call.
    private OperandModel? FromType(ITypeSymbol? type)
        => type is INamedTypeSymbol named
            && TensorSymbols.GetDeclaredShape(type) is { } shape
            && TensorSymbols.IsNameableFromNamespace(type)
            && DeclarationParser.IsExtensible(named, _cancellationToken)
            ? new OperandModel(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), shape.Dims, shape.Element, type.TypeKind == TypeKind.Class) { DimNames = shape.Names }
            : null;
}
