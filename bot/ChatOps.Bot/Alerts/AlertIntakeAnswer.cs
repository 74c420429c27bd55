namespace ChatOps.Bot.Alerts;

/// <summary>What <c>POST /api/alerts/{source}</c> did with the alerts of one post, by outcome.</summary>
public sealed record AlertIntakeAnswer(int Recorded, int Repeated, int UnknownSystem, int NotWatched);
