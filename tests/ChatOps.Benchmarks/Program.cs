using BenchmarkDotNet.Running;

// scripts/bench.sh passes BenchmarkDotNet's own arguments (--filter, --job short, --list flat …).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point of the benchmarks.</summary>
public partial class Program;
