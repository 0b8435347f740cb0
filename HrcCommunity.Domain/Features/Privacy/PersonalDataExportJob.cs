namespace HrcCommunity.Domain.Features.Privacy;

/// <summary>Builds one archive in the background; the export row makes a rerun a no-op.</summary>
public sealed class PersonalDataExportJob(PersonalDataExportService exports)
{
    // Returns nothing: Hangfire stores a job's result, and the link's token must live only in the email.
    public async Task RunAsync(long exportId, CancellationToken ct) => await exports.BuildAsync(exportId, ct);
}
