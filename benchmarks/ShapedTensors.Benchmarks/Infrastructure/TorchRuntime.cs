using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using TorchSharp;

namespace ShapedTensors.Benchmarks.Infrastructure;

/// <summary>
/// Loads TorchSharp's native backend and sets libtorch's intra-op thread count.
/// </summary>
/// <remarks>
/// TorchSharp 0.107's glue library (libLibTorchSharp.so) is built with GCC 13, whose &lt;iostream&gt; adds a
/// reference to <c>std::ios_base_library_init()</c>, versioned GLIBCXX_3.4.32. It is never called (no relocation
/// uses it), but the loader refuses the library when the system libstdc++ is older (Debian 12 has GCC 12, up to
/// GLIBCXX_3.4.30). When the plain load fails for that reason, a copy of the glue library whose GLIBCXX_3.4.32
/// requirement is marked weak (VER_FLG_WEAK, so a missing version is no error) is written to a temporary
/// folder beside links to libtorch's libraries, and TorchSharp is pointed at it. libtorch itself is untouched.
/// </remarks>
public static class TorchRuntime
{
    private const string GlueName = "libLibTorchSharp.so";
    private const string MissingVersion = "GLIBCXX_3.4.32";
    private static readonly object Gate = new();
    private static bool _loaded;

    /// <summary>Makes sure TorchSharp can load, then sets libtorch to <paramref name="threads"/> intra-op threads.</summary>
    public static void Initialize(int threads)
    {
        lock (Gate)
        {
            if (!_loaded)
            {
                PrepareNativeBackend();
                _loaded = true;
            }
        }

        torch.set_num_threads(threads);
        if (torch.get_num_threads() != threads)
        {
            throw new InvalidOperationException($"libtorch runs {torch.get_num_threads()} threads, not {threads}.");
        }
    }

    private static void PrepareNativeBackend()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var glue = Candidates().FirstOrDefault(File.Exists);
        if (glue is null || NativeLibrary.TryLoad(glue, out _))
        {
            return; // Not found (TorchSharp will explain) or loads as it is.
        }

        var bytes = File.ReadAllBytes(glue);
        if (MarkVersionWeak(bytes, MissingVersion) == 0)
        {
            return; // Fails for some other reason; let TorchSharp report it.
        }

        // One folder per glue library location, holding the patched copy and links to the very files TorchSharp
        // loads itself (libtorch is loaded once per file: a second copy of libtorch_cpu.so aborts on start).
        // Links to the glue library's neighbours come first; libtorch's own folder only fills in what is missing.
        var sources = Candidates("torch_cpu").Where(File.Exists).Select(Path.GetDirectoryName).Prepend(Path.GetDirectoryName(glue)).Distinct().ToList();
        var folder = Path.Combine(Path.GetTempPath(), "shapedtensors-torchsharp-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("|", sources))))[..16]);
        Directory.CreateDirectory(folder);
        var linked = new HashSet<string>(StringComparer.Ordinal) { GlueName };
        foreach (var directory in sources)
        {
            foreach (var file in Directory.EnumerateFiles(directory!, "*.so*"))
            {
                var name = Path.GetFileName(file);
                var link = Path.Combine(folder, name);
                if (linked.Add(name) && new FileInfo(link).LinkTarget != file)
                {
                    File.Delete(link); // a stale or dangling link
                    File.CreateSymbolicLink(link, file);
                }
            }
        }

        var patched = Path.Combine(folder, GlueName);
        var temporary = patched + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, patched, overwrite: true);
        var handle = NativeLibrary.Load(patched);
        NativeLibrary.SetDllImportResolver(typeof(torch).Assembly, (name, _, _) =>
            name.Contains("LibTorchSharp", StringComparison.Ordinal) ? handle : IntPtr.Zero);
    }

    // Where the native file can be: beside the app (runtimes/linux-x64/native or flat) or in the NuGet cache.
    private static IEnumerable<string> Candidates(string library = "LibTorchSharp")
    {
        var file = "lib" + library + ".so";
        var app = AppContext.BaseDirectory;
        yield return Path.Combine(app, "runtimes", "linux-x64", "native", file);
        yield return Path.Combine(app, file);
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var package in new[] { "torchsharp", "libtorch-cpu-linux-x64" })
        {
            var root = Path.Combine(packages, package);
            if (Directory.Exists(root))
            {
                foreach (var version in Directory.EnumerateDirectories(root).OrderDescending(StringComparer.Ordinal))
                {
                    yield return Path.Combine(version, "runtimes", "linux-x64", "native", file);
                }
            }
        }
    }

    /// <summary>
    /// Sets VER_FLG_WEAK on every ELF64 version requirement (.gnu.version_r, Elf64_Vernaux) named
    /// <paramref name="version"/>; returns how many it changed.
    /// </summary>
    private static int MarkVersionWeak(byte[] elf, string version)
    {
        const uint VersionNeeded = 0x6ffffffe; // SHT_GNU_verneed
        const byte Weak = 0x2;                  // VER_FLG_WEAK
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F' || elf[4] != 2 || elf[5] != 1)
        {
            return 0; // Not a little-endian ELF64 file.
        }

        var sectionTable = (int)BitConverter.ToInt64(elf, 0x28);
        int entrySize = BitConverter.ToUInt16(elf, 0x3A), sections = BitConverter.ToUInt16(elf, 0x3C);
        var changed = 0;
        for (var i = 0; i < sections; i++)
        {
            var header = sectionTable + (i * entrySize);
            if (BitConverter.ToUInt32(elf, header + 4) != VersionNeeded)
            {
                continue;
            }

            var offset = (int)BitConverter.ToInt64(elf, header + 0x18);
            var strings = (int)BitConverter.ToInt64(elf, sectionTable + (BitConverter.ToInt32(elf, header + 0x28) * entrySize) + 0x18);
            var needed = BitConverter.ToInt32(elf, header + 0x2C);
            for (var n = 0; n < needed; n++)
            {
                int count = BitConverter.ToUInt16(elf, offset + 2), aux = offset + BitConverter.ToInt32(elf, offset + 8);
                for (var a = 0; a < count; a++)
                {
                    var name = strings + BitConverter.ToInt32(elf, aux + 8);
                    var end = Array.IndexOf(elf, (byte)0, name);
                    if (Encoding.ASCII.GetString(elf, name, end - name) == version)
                    {
                        elf[aux + 4] |= Weak; // vna_flags
                        changed++;
                    }

                    aux += BitConverter.ToInt32(elf, aux + 12);
                }

                offset += BitConverter.ToInt32(elf, offset + 12);
            }
        }

        return changed;
    }
}
