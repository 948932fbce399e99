using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace ShapedTensors.BuildTime;

/// <summary>
/// Writes the synthetic console app: one <c>[Tensor]</c> type per operand and, when <c>withCalls</c>, one method per
/// call that computes it. The app without the calls declares the same types, so the difference between the two is
/// what the calls cost.
/// </summary>
internal static class SyntheticApp
{
    /// <summary>The file the incremental build edits (a comment in it changes; no call does).</summary>
    public const string EditedFile = "Program.cs";

    public static void Write(string directory, IReadOnlyList<SyntheticCall> calls, bool withCalls, BuildInputs inputs)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "App.csproj"), Project(inputs));
        File.WriteAllText(Path.Combine(directory, "Tensors.cs"), Declarations(calls));
        File.WriteAllText(Path.Combine(directory, "Calls.cs"), withCalls ? Calls(calls) : "namespace App;\n\ninternal static class Calls\n{\n    public static void Run()\n    {\n    }\n}\n");
        File.WriteAllText(Path.Combine(directory, EditedFile), ProgramText(0));
    }

    /// <summary>Program.cs with a comment that differs per edit.</summary>
    public static string ProgramText(int edit)
        => $"// edit {edit.ToString(CultureInfo.InvariantCulture)}\nApp.Calls.Run();\nSystem.Console.WriteLine(\"done\");\n";

    private static string Project(BuildInputs inputs) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
          </PropertyGroup>
          <ItemGroup>
            <Reference Include="ShapedTensors" HintPath="{inputs.Runtime}" />
            <PackageReference Include="System.Numerics.Tensors" Version="{inputs.TensorsVersion}" />
            <Analyzer Include="{inputs.Generator}" />
            <Analyzer Include="{inputs.Analyzers}" />
          </ItemGroup>
        </Project>
        """;

    private static string Declarations(IReadOnlyList<SyntheticCall> calls)
    {
        var text = new StringBuilder("using ShapedTensors;\n\nnamespace App;\n\n");
        for (var i = 0; i < calls.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"[Tensor({Join(calls[i].X)})] internal partial struct X{i};\n");
            text.Append(CultureInfo.InvariantCulture, $"[Tensor({Join(calls[i].Y)})] internal partial struct Y{i};\n");
        }

        return text.ToString();
    }

    private static string Calls(IReadOnlyList<SyntheticCall> calls)
    {
        var text = new StringBuilder("namespace App;\n\ninternal static class Calls\n{\n    public static void Run()\n    {\n");
        for (var i = 0; i < calls.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"        Call{i}();\n");
        }

        text.Append("    }\n");
        for (var i = 0; i < calls.Count; i++)
        {
            // Each result is used, as real code would, through its generated type.
            text.Append(CultureInfo.InvariantCulture, $"\n    private static void Call{i}()\n    {{\n        var z = X{i}.Ones().{calls[i].Operation}(Y{i}.Ones());\n        System.Console.WriteLine(z.AsReadOnlySpan()[0]);\n    }}\n");
        }

        return text.Append("}\n").ToString();
    }

    private static string Join(int[] dims) => string.Join(", ", dims.Select(d => d.ToString(CultureInfo.InvariantCulture)));
}
