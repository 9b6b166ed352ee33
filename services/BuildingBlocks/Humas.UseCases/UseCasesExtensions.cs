using Humas.ServiceDefaults.Problems;
using Humas.UseCases.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.UseCases;

public static class UseCasesExtensions
{
    /// <summary>The use-case toolkit: resource authorization by unit and requester, and the event store's exceptions as problem answers.</summary>
    public static IServiceCollection AddUseCases(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<IExceptionTranslator, StoreExceptionTranslator>();
        services.AddSingleton<IAuthorizationHandler, AccessHandlers.Administrator>();
        services.AddSingleton<IAuthorizationHandler, AccessHandlers.UnitOfficer>();
        services.AddSingleton<IAuthorizationHandler, AccessHandlers.UnitSupervisor>();
        services.AddSingleton<IAuthorizationHandler, AccessHandlers.Requester>();
        services.AddSingleton<ResourceAccess>();
        services.AddOptions<AccessCodeOptions>();
        services.AddSingleton<AccessCodeHasher>();
        return services;
    }

    /// <summary>The answers every change through <see cref="Changes.ChangeFlow{TState,TContext,TView}"/> can give, for the OpenAPI document.</summary>
    public static RouteHandlerBuilder ProducesChange<TView>(this RouteHandlerBuilder endpoint) => endpoint
        .Produces<TView>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired);
}
