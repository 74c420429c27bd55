using System.Security.Cryptography;
using System.Text;

namespace ChatOps.Infra.Tests.Pipelines;

/// <summary>A temporary build artifact and its digest as <c>patch add … --artifact</c> takes it.</summary>
internal sealed class ArtifactFile : IDisposable
{
    public ArtifactFile(string content)
    {
        Path = System.IO.Path.GetTempFileName();
        File.WriteAllText(Path, content);
        Digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    public string Path { get; }

    public string Digest { get; }

    public void Dispose() => File.Delete(Path);
}
