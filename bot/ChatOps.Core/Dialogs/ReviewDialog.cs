using System.Globalization;
using System.Text.RegularExpressions;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;
using ChatOps.Core.Views;
using ChatOps.Core.Workflow;

namespace ChatOps.Core.Dialogs;

/// <summary>
/// The post-incident review, run in the Review phase before close (a closed incident is read-only): what went
/// well, what did not, root cause, lessons, action items (owner, due date) and policies or playbooks to update.
/// Every answer is a decision record, so the review is part of the report and of the verified log.
/// </summary>
public sealed partial class ReviewDialog(TimeProvider time) : IFormDialog
{
    public const string ActionItemsQuestion = "action-items";

    public static readonly IReadOnlyList<(string Key, string Text)> Questions =
    [
        ("went-well", "What went well?"),
        ("went-badly", "What did not go well?"),
        ("root-cause", "What was the root cause?"),
        ("lessons", "What lessons did we learn?"),
        (ActionItemsQuestion, "Which action items follow, who owns them and by when?"),
        ("policies", "Which policies or playbooks must be updated, and how?"),
    ];

    public string Kind => "review";

    public int? FirstStep(Incident incident, IReadOnlyDictionary<string, string> data)
    {
        ArgumentNullException.ThrowIfNull(incident);
        // Continue where an interrupted review stopped; once everything is answered, start over to revise.
        for (var i = 0; i < Questions.Count; i++)
        {
            if (!IsAnswered(incident, Questions[i].Key))
            {
                return i;
            }
        }

        return 0;
    }

    public string Question(Incident incident, int step, IReadOnlyDictionary<string, string> data) => Questions[step].Key switch
    {
        ActionItemsQuestion => $"Review {step + 1}/{Questions.Count} — Action items, one per line or separated by ';', each as: owner @user, due YYYY-MM-DD, what to do (or 'none').",
        "policies" => $"Review {step + 1}/{Questions.Count} — {Questions[step].Text} (or 'none')",
        _ => $"Review {step + 1}/{Questions.Count} — {Questions[step].Text}",
    };

    public bool TakesFreeText(int step) => true;

    public DialogTurn Answer(Incident incident, int step, string answer, IReadOnlyDictionary<string, string> data, Func<string, Participant> person)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(person);
        var text = (answer ?? "").Trim();
        if (text.Length == 0)
        {
            return DialogTurn.Retry("Please write an answer (or 'none').", step);
        }

        if (text.Length > ArgValidator.MaxTextLength)
        {
            return DialogTurn.Retry($"That answer is longer than {ArgValidator.MaxTextLength} characters; please shorten it.", step);
        }

        var next = step + 1 < Questions.Count ? step + 1 : (int?)null;
        var say = next is null ? "Review recorded. It is part of the report (export md); the incident can now be closed." : "Noted.";
        var key = Questions[step].Key;
        if (key != ActionItemsQuestion || IsNone(text))
        {
            return new DialogTurn([new PendingEvent(new ReviewAnswered(key, text))], say, next);
        }

        var items = new List<PendingEvent>();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        foreach (var entry in text.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = ActionItemPattern().Match(entry);
            if (!match.Success)
            {
                return DialogTurn.Retry($"I could not read '{entry}': write each action item as: owner @user, due YYYY-MM-DD, what to do.", step);
            }

            if (!DateOnly.TryParseExact(match.Groups["due"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
            {
                return DialogTurn.Retry($"'{match.Groups["due"].Value}' is not a date: write the due date as YYYY-MM-DD.", step);
            }

            if (due < today)
            {
                return DialogTurn.Retry(string.Create(CultureInfo.InvariantCulture, $"The due date {due:yyyy-MM-dd} of '{entry}' is in the past (today is {today:yyyy-MM-dd})."), step);
            }

            var id = "A" + (incident.ActionItems.Count + items.Count + 1).ToString(CultureInfo.InvariantCulture);
            items.Add(new PendingEvent(new ActionItemAdded(id, person(match.Groups["user"].Value), due, match.Groups["text"].Value.Trim())));
        }

        return new DialogTurn(items, $"Recorded {items.Count} action item(s). {say}", next);
    }

    public string FormTitle => "Post-incident review";

    public DialogFormView Form(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return new DialogFormView(incident.Id, incident.Id, Kind, FormTitle,
            "Answers already given are filled in; changing one records the new answer. Action items are added to those already recorded (" + incident.ActionItems.Count.ToString(CultureInfo.InvariantCulture) + ").",
            Questions.Select(q => q.Key == ActionItemsQuestion
                ? new FormField(q.Key, "Action items", FormFieldKind.MultilineText, Hint: "One per line: owner @user, due YYYY-MM-DD, what to do")
                : new FormField(q.Key, q.Text, FormFieldKind.MultilineText, incident.ReviewAnswerTo(q.Key)?.Answer)).ToList());
    }

    /// <summary>Each filled-in field is checked by the chat dialog's own step (<see cref="Answer"/>); unchanged answers record nothing.</summary>
    public FormOutcome Submit(Incident incident, IReadOnlyDictionary<string, string> values, Func<string, Participant> person)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(values);
        var answers = new FormAnswers();
        for (var step = 0; step < Questions.Count; step++)
        {
            var key = Questions[step].Key;
            var value = values.GetValueOrDefault(key)?.Trim();
            if (string.IsNullOrEmpty(value) || value == incident.ReviewAnswerTo(key)?.Answer)
            {
                continue;
            }

            answers.Add(key, Answer(incident, step, value, FormAnswers.NoData, person));
        }

        if (answers.Errors.Count > 0)
        {
            return FormOutcome.Invalid(answers.Errors);
        }

        var events = answers.Events;
        if (events.Count == 0 && Questions.Any(q => !IsAnswered(incident, q.Key)))
        {
            return FormOutcome.Invalid(new Dictionary<string, string> { [Questions[0].Key] = "Please answer at least one question." });
        }

        var open = Questions.Where(q => !IsAnswered(incident, q.Key) && string.IsNullOrWhiteSpace(values.GetValueOrDefault(q.Key))).Select(q => q.Text).ToList();
        return FormOutcome.Valid(events, open.Count == 0
            ? $"Review recorded ({events.Count} record(s)). It is part of the report (export md); the incident can now be closed."
            : $"Review: {events.Count} record(s) added; still unanswered: {string.Join(" ", open)}");
    }

    private static bool IsAnswered(Incident incident, string key) =>
        incident.ReviewAnswerTo(key) is not null || (key == ActionItemsQuestion && incident.ActionItems.Count > 0);

    private static bool IsNone(string text) => string.Equals(text, "none", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^owner\s+@(?<user>[^\s,;]+)\s*,\s*due\s+(?<due>\S+?)\s*,\s*(?<text>\S.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ActionItemPattern();
}
