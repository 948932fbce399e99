using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(ShapedTensors.GeneratorBenchmarks.GeneratorScaleBenchmarks).Assembly).Run(args);
