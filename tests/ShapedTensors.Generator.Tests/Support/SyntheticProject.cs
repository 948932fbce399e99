using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ShapedTensors.Generator.Tests.Support;

/// <summary>
/// A large synthetic user project for measuring the generator at scale: <see cref="TypeCount"/> shaped types
/// and <see cref="CallCount"/> calls of every operation, spread over files and namespaces like a real code base.
/// Shared by the scale tests and the generator benchmark.
/// </summary>
public static class SyntheticProject
{
    public const int TypeCount = 200;
    public const int CallCount = 2000;
    public const int FileCount = 20;
    public const int NamespaceCount = 10;

    /// <summary>The call in the one method the edit benchmarks change (in the last file).</summary>
    public const string EditedCall = "var r0 = L1.Ones().MatMul(R1.Ones());";

    /// <summary>The same method body with a comment added: no call changes.</summary>
    public const string EditedCallWithComment = "var r0 = L1.Ones().MatMul(R1.Ones()); // edited";

    /// <summary>The call replaced by one no other call site makes: it needs a new kernel.</summary>
    public const string ChangedCall = "var r0 = L1.Ones().MatMul(L1.Ones(), transposeB: true);";

    /// <summary>
    /// The sources: one file of declarations, then <see cref="FileCount"/> files of calls. Types come in pairs
    /// L{i} (m, k) and R{i} (k, n) with varied sizes, so Dot, MatMul (and its transposes) and BatchDot of
    /// batched pairs are all compatible.
    /// </summary>
    public static string[] Sources()
    {
        var sources = new List<string>();
        var declarations = new StringBuilder("using ShapedTensors;\n\nnamespace Synthetic.Types;\n\n");
        for (var i = 0; i < TypeCount / 2; i++)
        {
            var (m, k, n) = Dims(i);
            declarations.Append(Invariant($"[Tensor({m}, {k})] public partial struct L{i};\n"));
            declarations.Append(Invariant($"[Tensor({k}, {n})] public partial struct R{i};\n"));
        }

        sources.Add(declarations.ToString());
        var callsPerFile = CallCount / FileCount;
        for (var file = 0; file < FileCount; file++)
        {
            var text = new StringBuilder(Invariant($"using ShapedTensors;\nusing Synthetic.Types;\n\nnamespace Synthetic.Area{file % NamespaceCount};\n\npublic static class Calls{file}\n{{\n    public static void Run()\n    {{\n"));
            for (var c = 0; c < callsPerFile; c++)
            {
                var pair = ((file * callsPerFile) + c) % (TypeCount / 2);
                var call = (c % 4) switch
                {
                    0 => Invariant($"L{pair}.Ones().Dot(R{pair}.Ones())"),
                    1 => Invariant($"L{pair}.Ones().MatMul(R{pair}.Ones())"),
                    2 => Invariant($"R{pair}.Ones().MatMul(L{pair}.Ones(), transposeA: true, transposeB: true)"),
                    _ => Invariant($"L{pair}.Ones().Dot(R{pair}.Ones()).MatMul(R{pair}.Ones(), transposeB: true)"),
                };

                text.Append(Invariant($"        var r{c} = {call};\n"));
            }

            text.Append("    }\n");
            if (file == FileCount - 1)
            {
                text.Append("\n    public static object Edited()\n    {\n        " + EditedCall + "\n        return r0;\n    }\n");
            }

            text.Append("}\n");
            sources.Add(text.ToString());
        }

        return sources.ToArray();
    }

    // Sizes from 2 to 17, varied so most pairs get their own kernels.
    private static (int M, int K, int N) Dims(int i) => (2 + (i % 16), 2 + ((i / 3) % 16), 2 + ((i * 7) % 16));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
