using YamlDotNet.RepresentationModel;

namespace ChatOps.Infra.Tests;

/// <summary>Reads a YAML file of the repository and walks it by key.</summary>
internal static class YamlFile
{
    public static YamlMappingNode Load(params string[] parts)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(RepositoryPaths.ReadText(parts));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    public static YamlNode At(this YamlNode node, params string[] keys)
    {
        foreach (var key in keys)
        {
            var mapping = Assert.IsType<YamlMappingNode>(node);
            Assert.True(mapping.Children.TryGetValue(new YamlScalarNode(key), out var child), $"missing key '{key}'");
            node = child!;
        }

        return node;
    }

    public static string Text(this YamlNode node, params string[] keys) =>
        Assert.IsType<YamlScalarNode>(node.At(keys)).Value ?? string.Empty;

    public static IReadOnlyList<YamlNode> Items(this YamlNode node, params string[] keys) =>
        Assert.IsType<YamlSequenceNode>(node.At(keys)).Children.ToList();

    public static IReadOnlyList<string> Texts(this YamlNode node, params string[] keys) =>
        node.Items(keys).Select(item => Assert.IsType<YamlScalarNode>(item).Value ?? string.Empty).ToList();
}
