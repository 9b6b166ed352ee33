using Humas.Eventing;
using Humas.Ppid.Contracts;
using Humas.Ppid.InformationList.DraftingEntry;
using Humas.Ppid.InformationList.GettingEntry;
using Humas.Ppid.InformationList.ListingEntries;
using Humas.Ppid.InformationList.PublishingEntry;
using Humas.Ppid.InformationList.RecordingExemption;
using Humas.Ppid.InformationList.RevisingEntry;
using Humas.Ppid.InformationList.WithdrawingEntry;

namespace Humas.Ppid.InformationList;

public static class InformationListSetup
{
    /// <summary>The list's events under stable names, its read model and what it tells other services.</summary>
    public static EventingBuilder AddInformationList(this EventingBuilder eventing) => eventing
        .Event<InformationEntryDrafted>("information-entry-drafted")
        .Event<InformationEntryRevised>("information-entry-revised")
        .Event<InformationEntryPublished>("information-entry-published")
        .Event<InformationEntryRecordedAsExempt>("information-entry-recorded-as-exempt")
        .Event<InformationEntryWithdrawn>("information-entry-withdrawn")
        .Publishes<InformationPublished>()
        .InlineProjection<DipEntriesProjection>()
        .Translator<InformationListIntegrationEvents>();

    public static IEndpointRouteBuilder MapInformationList(this IEndpointRouteBuilder app)
    {
        var list = app.MapGroup("/api/ppid/information-list").WithTags("Information list");
        list.MapListEntries();
        list.MapListUnitEntries();
        list.MapGetEntry();
        list.MapDraftEntry();
        list.MapReviseEntry();
        list.MapPublishEntry();
        list.MapRecordExemption();
        list.MapWithdrawEntry();
        return app;
    }
}
