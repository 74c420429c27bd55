using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Core.Playbooks;

/// <summary>
/// Reads a playbook from YAML (YamlDotNet's representation model, which keeps line numbers) and checks it:
/// known phase names, unique ids, non-empty text, a known <c>done-when</c> (<see cref="Workflow.ChecklistTriggers"/>). Problems are reported as "file:line: problem".
/// </summary>
public static class PlaybookLoader
{
    public const string DefaultName = "default.yaml";

    public static Playbook LoadDefault()
    {
        using var stream = typeof(PlaybookLoader).Assembly.GetManifestResourceStream("ChatOps.Core.Playbooks.default.yaml")
            ?? throw new InvalidOperationException("The default playbook is not embedded.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "(built-in) " + DefaultName);
    }

    public static Playbook LoadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new PlaybookException($"{path}: the playbook file does not exist (Policy:PlaybookPath).");
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static Playbook Parse(string yaml, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new PlaybookException($"{file}:{ex.Start.Line}: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new PlaybookException($"{file}:1: a playbook is a mapping with 'name' and 'phases'.");
        }

        var name = Scalar(root, "name", file) ?? Path.GetFileNameWithoutExtension(file);
        if (!root.Children.TryGetValue(new YamlScalarNode("phases"), out var phasesNode) || phasesNode is not YamlMappingNode phases)
        {
            throw new PlaybookException($"{file}:{root.Start.Line}: 'phases' is missing or is not a mapping of phase → items.");
        }

        var result = new Dictionary<Phase, IReadOnlyList<ChecklistSeedItem>>();
        foreach (var (key, value) in phases.Children)
        {
            var phaseName = (key as YamlScalarNode)?.Value ?? "";
            if (!PhaseNames.TryParse(phaseName, out Phase phase))
            {
                throw new PlaybookException($"{file}:{key.Start.Line}: '{phaseName}' is not a phase; use {string.Join(", ", Enum.GetValues<Phase>().Select(PhaseNames.Of))}.");
            }

            if (value is not YamlSequenceNode items)
            {
                throw new PlaybookException($"{file}:{value.Start.Line}: the items of '{phaseName}' must be a list.");
            }

            result[phase] = ReadItems(items, phaseName, file);
        }

        return new Playbook(name, result);
    }

    private static List<ChecklistSeedItem> ReadItems(YamlSequenceNode items, string phaseName, string file)
    {
        var list = new List<ChecklistSeedItem>();
        foreach (var node in items)
        {
            if (node is not YamlMappingNode item)
            {
                throw new PlaybookException($"{file}:{node.Start.Line}: each item of '{phaseName}' needs 'id' and 'text'.");
            }

            var id = Scalar(item, "id", file);
            var text = Scalar(item, "text", file);
            if (string.IsNullOrWhiteSpace(id) || id.Any(char.IsWhiteSpace) || id.Length > 40)
            {
                throw new PlaybookException($"{file}:{item.Start.Line}: an item of '{phaseName}' needs an 'id' of one word (at most 40 characters).");
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                throw new PlaybookException($"{file}:{item.Start.Line}: item '{id}' of '{phaseName}' needs a 'text'.");
            }

            if (list.Any(i => string.Equals(i.Id, id, StringComparison.OrdinalIgnoreCase)))
            {
                throw new PlaybookException($"{file}:{item.Start.Line}: id '{id}' appears twice in '{phaseName}'.");
            }

            var doneWhen = Scalar(item, "done-when", file);
            if (doneWhen is not null && !Workflow.ChecklistTriggers.IsKnown(doneWhen))
            {
                throw new PlaybookException($"{file}:{item.Start.Line}: item '{id}' of '{phaseName}' has done-when '{doneWhen}'; use one of {string.Join(", ", Workflow.ChecklistTriggers.Known.Keys)}, or leave it out.");
            }

            list.Add(new ChecklistSeedItem(id, text.Trim(), doneWhen));
        }

        return list;
    }

    private static string? Scalar(YamlMappingNode node, string key, string file)
    {
        if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
        {
            return null;
        }

        return value is YamlScalarNode scalar
            ? scalar.Value
            : throw new PlaybookException($"{file}:{value.Start.Line}: '{key}' must be a single value.");
    }
}
