using ChatOps.Core.Reports;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Reports;

public static class ReportServiceCollectionExtensions
{
    /// <summary>
    /// Exported reports: <c>Reports:*</c> options validated at start-up (a random key in Development when none is set),
    /// the link signer behind Core's <see cref="IReportLinks"/> and the Markdown/JSON writers behind
    /// <see cref="IReportFormatter"/>; these replace Core's unconfigured ports.
    /// </summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReportOptions>, ReportOptionsValidator>();
        services.AddSingleton<IPostConfigureOptions<ReportOptions>, ReportSigningKeySetup>();
        services.AddSingleton<ReportLinkSigner>();
        services.AddSingleton<IReportLinks>(sp => sp.GetRequiredService<ReportLinkSigner>());
        services.AddSingleton<IReportFormatter, ReportFormatter>();
        return services;
    }
}
