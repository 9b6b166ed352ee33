using Humas.ServiceDefaults;

namespace Humas.UnitTests.ServiceDefaults;

public class OpenApiConventionsTests
{
    [Theory]
    [InlineData("GET", "api/ppid/requests", "getRequests")]
    [InlineData("POST", "api/ppid/requests/{registrationNumber}/clarification-request", "postRequestsByRegistrationNumberClarificationRequest")]
    [InlineData("PUT", "api/ppid/information-list/{entryId:guid}", "putInformationListByEntryId")]
    [InlineData("DELETE", "api/ppid/admin/non-working-days/{date}", "deleteAdminNonWorkingDaysByDate")]
    [InlineData("GET", "api/calendar/request-deadlines", "getRequestDeadlines")]
    public void An_operation_without_a_name_gets_an_id_from_its_method_and_route(string method, string route, string expected) =>
        Assert.Equal(expected, OpenApiConventions.DeriveOperationId(method, route));
}
