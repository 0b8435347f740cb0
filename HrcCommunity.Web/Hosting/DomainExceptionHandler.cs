using HrcCommunity.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace HrcCommunity.Web.Hosting;

/// <summary>Turns the failures Domain explains into the right status for API callers, never a 500.</summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken ct)
    {
        if (exception is not DomainException domain) return false;
        httpContext.Response.StatusCode = domain switch
        {
            ValidationFailedException => StatusCodes.Status400BadRequest,
            ForbiddenException => StatusCodes.Status403Forbidden,
            NotFoundException => StatusCodes.Status404NotFound,
            ConflictException => StatusCodes.Status409Conflict,
            RateLimitedException => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status400BadRequest,
        };
        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Title = domain.Message, Status = httpContext.Response.StatusCode },
        };
        if (domain is ValidationFailedException validation) context.ProblemDetails.Extensions["errors"] = validation.Errors;
        return await problemDetails.TryWriteAsync(context);
    }
}
