using ChatOps.Core.Authority;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Views;

namespace ChatOps.Core.Tests.Authority;

/// <summary>docs/AUTHORITY.md is the authority matrix in words, and the matrix covers everything a person can ask for.</summary>
public class AuthorityDocumentTests
{
    [Fact]
    public void AuthorityDoc_IsGeneratedFromTheMatrix()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "AUTHORITY.md");

        var written = File.ReadAllText(path).ReplaceLineEndings("\n");

        Assert.True(written == AuthorityDocument.Render(),
            "docs/AUTHORITY.md differs from AuthorityMatrix.Defaults; replace the file with AuthorityDocument.Render():\n" + AuthorityDocument.Render());
    }

    [Fact]
    public void EveryCommandOfTheGrammar_HasARow()
    {
        var rows = AuthorityMatrix.Defaults.Select(r => r.Action).ToHashSet();

        var missing = CommandCatalog.All.Select(d => d.Name).Where(n => !rows.Contains(n)).ToList();

        Assert.True(missing.Count == 0, "no authority row for: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryCardVerb_IsRuledByARow()
    {
        var rows = AuthorityMatrix.Defaults.Select(r => r.Action).ToHashSet();

        var missing = CardVerbs.All.Where(v => AuthorityMatrix.ActionOfVerb(v) is not { } action || !rows.Contains(action)).ToList();

        Assert.True(missing.Count == 0, "no authority row for card verb: " + string.Join(", ", missing));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatOps.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ChatOps.sln not found above " + AppContext.BaseDirectory);
    }
}
