using BenchmarkDotNet.Attributes;
using ChatOps.Core.Commands.Grammar;

namespace ChatOps.Benchmarks;

/// <summary>Tokenizing and parsing typed commands against the whole catalog.</summary>
[MemoryDiagnoser]
public class CommandParsingBenchmarks
{
    [Benchmark(Baseline = true)]
    public ParseResult Help() => CommandParser.Parse("help");

    [Benchmark]
    public ParseResult Declare() => CommandParser.Parse(
        "declare \"Exchange ProxyShell exploitation\" --sev sev1 --systems mail01,mail02 --cve CVE-2021-34473");

    [Benchmark]
    public ParseResult PatchAdd() => CommandParser.Parse(
        "patch add KB5005030 \"Exchange CU security update\" --systems mail01,mail02 --rollback \"Uninstall KB5005030\"");

    [Benchmark]
    public ParseResult Typo() => CommandParser.Parse("aprove A1");
}
