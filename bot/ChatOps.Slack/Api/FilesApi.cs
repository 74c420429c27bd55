using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace ChatOps.Slack.Api;

/// <summary>
/// <c>files.*</c>: Slack's external upload flow (the old <c>files.upload</c> is retired) — ask for an upload URL,
/// POST the bytes there (a pre-authorised URL: the bot token is not sent), then complete and share the file.
/// </summary>
public class FilesApi(SlackApiClient client, IHttpClientFactory httpClients)
{
    public const string UploadClientName = "slack-file-uploads";

    /// <summary>
    /// Uploads <paramref name="content"/> and shares it into <paramref name="channel"/>; returns the file id.
    /// <paramref name="initialComment"/> is mrkdwn: escape user text in it with <c>SlackText.Escape</c>.
    /// </summary>
    public virtual async Task<string> UploadAsync(
        string channel,
        string filename,
        ReadOnlyMemory<byte> content,
        string? title = null,
        string? initialComment = null,
        string? threadTs = null,
        CancellationToken cancellationToken = default)
    {
        const string getUrl = "files.getUploadURLExternal";
        const string complete = "files.completeUploadExternal";
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(filename);

        // This method reads form arguments, not a JSON body (python-slack-sdk sends it as params too).
        var ticket = await client.CallFormAsync(
            getUrl,
            new Dictionary<string, string>
            {
                ["filename"] = filename,
                ["length"] = content.Length.ToString(CultureInfo.InvariantCulture),
            },
            cancellationToken);
        var uploadUrl = SlackApiClient.Required(ticket, getUrl, "upload_url");
        var fileId = SlackApiClient.Required(ticket, getUrl, "file_id");
        if (!Uri.TryCreate(uploadUrl, UriKind.Absolute, out var target)
            || !(target.Scheme == Uri.UriSchemeHttps || (target.IsLoopback && target.Scheme == Uri.UriSchemeHttp)))
        {
            throw new SlackApiException(getUrl, "invalid_upload_url");
        }

        using (var bytes = new ReadOnlyMemoryContent(content))
        {
            bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var uploaded = await httpClients.CreateClient(UploadClientName).PostAsync(target, bytes, cancellationToken);
            if (!uploaded.IsSuccessStatusCode)
            {
                throw new SlackApiException("upload_url", $"http_{(int)uploaded.StatusCode}", uploaded.StatusCode);
            }
        }

        var arguments = new JsonObject
        {
            ["files"] = new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = title ?? filename }),
            ["channel_id"] = channel,
        };
        if (initialComment is not null)
        {
            arguments["initial_comment"] = initialComment;
        }

        if (threadTs is not null)
        {
            arguments["thread_ts"] = threadTs;
        }

        await client.CallAsync(complete, arguments, cancellationToken);
        return fileId;
    }
}
