using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(TipBot.Benchmarks.PipelineBenchmarks).Assembly).Run(args);
