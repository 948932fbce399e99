using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Digits;

/// <summary>The command line: <c>[--epochs N] [--plot FILE.png]</c>.</summary>
internal sealed record Options(int Epochs, string? PlotPath)
{
    public static bool TryParse(string[] args, [NotNullWhen(true)] out Options? options)
    {
        options = null;
        var epochs = 50;
        string? plot = null;
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                return false;
            }

            switch (args[i])
            {
                case "--epochs" when int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out epochs) && epochs is >= 1 and <= 1000:
                    break;
                case "--plot":
                    plot = args[i + 1];
                    break;
                default:
                    return false;
            }
        }

        options = new Options(epochs, plot);
        return true;
    }
}
