using HrcCommunity.Web.Hosting;

namespace HrcCommunity.Tests.Features.Hosting;

// The environment is the process's own; nothing else in the suite reads this variable, and each test puts it back.
public sealed class ProcessSettingsTests
{
    [Fact]
    public void Apply_KeepsEnoughPooledBuffersForAMessageToARoomOfAThousand()
    {
        WithVariable(null, () =>
        {
            ProcessSettings.Apply();

            var perCore = int.Parse(Environment.GetEnvironmentVariable(ProcessSettings.SharedPoolArraysPerCore)!);
            Assert.True(perCore >= 1000, $"{perCore} buffers per core");
        });
    }

    [Fact]
    public void Apply_LeavesAValueTheOperatorSet()
    {
        WithVariable("64", () =>
        {
            ProcessSettings.Apply();

            Assert.Equal("64", Environment.GetEnvironmentVariable(ProcessSettings.SharedPoolArraysPerCore));
        });
    }

    private static void WithVariable(string? value, Action test)
    {
        var before = Environment.GetEnvironmentVariable(ProcessSettings.SharedPoolArraysPerCore);
        Environment.SetEnvironmentVariable(ProcessSettings.SharedPoolArraysPerCore, value);
        try { test(); }
        finally { Environment.SetEnvironmentVariable(ProcessSettings.SharedPoolArraysPerCore, before); }
    }
}
