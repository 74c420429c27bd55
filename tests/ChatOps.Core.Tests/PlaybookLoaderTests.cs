using ChatOps.Core.Incidents;
using ChatOps.Core.Playbooks;

namespace ChatOps.Core.Tests;

public class PlaybookLoaderTests
{
    [Fact]
    public void LoadDefault_HasAChecklistForEveryPhase()
    {
        var playbook = PlaybookLoader.LoadDefault();

        Assert.All(Enum.GetValues<Phase>(), p => Assert.NotEmpty(playbook.Phases[p]));
        Assert.Contains(playbook.Phases[Phase.Contain], i => i.Text == "Disable compromised accounts");
    }

    [Theory]
    [InlineData("name: x\nphases:\n  contain:\n    - id: a\n      text: [unclosed\n", "pb.yaml:6: While parsing")]
    [InlineData("name: x\nphases:\n  containment:\n    - id: a\n      text: t\n", "pb.yaml:3: 'containment' is not a phase")]
    [InlineData("name: x\nphases:\n  contain:\n    - id: a\n      text: t\n    - id: a\n      text: u\n", "pb.yaml:6: id 'a' appears twice")]
    [InlineData("name: x\nphases:\n  contain:\n    - id: a\n", "pb.yaml:4: item 'a' of 'contain' needs a 'text'")]
    [InlineData("name: x\n", "pb.yaml:1: 'phases' is missing")]
    public void Parse_MalformedPlaybook_NamesFileLineAndProblem(string yaml, string expected)
    {
        var error = Assert.Throws<PlaybookException>(() => PlaybookLoader.Parse(yaml, "pb.yaml"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }
}
