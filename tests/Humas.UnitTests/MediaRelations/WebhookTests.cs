using System.Net;
using System.Text;
using Humas.MediaRelations.Journalists;
using Humas.MediaRelations.Webhooks;
using WebhookUseCases = Humas.MediaRelations.Webhooks.Webhooks;

namespace Humas.UnitTests.MediaRelations;

public sealed class WebhookTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 3, 0, 0, TimeSpan.Zero);

    private static WebhookUseCases.SubscribeBody Body() => new(Guid.NewGuid(), "https://newsroom.example.org/hooks/humas", "rahasia-langganan-01", ["kpu-33"], ["pemilu"]);

    private static Journalist Journalist(AccreditationStatus status) => Humas.MediaRelations.Journalists.Journalist.Initial with
    {
        Id = Guid.NewGuid(), UnitId = "kpu-33", Account = "account-1", Status = status, PersonalDataSubject = Guid.NewGuid(),
    };

    [Theory]
    [InlineData("https://newsroom.example.org/hook", false, null)]
    [InlineData("http://newsroom.example.org/hook", false, "subscription.url-https-required")]
    [InlineData("https://127.0.0.1:9000/hook", false, "subscription.url-private")]
    [InlineData("https://localhost/hook", false, "subscription.url-private")]
    [InlineData("https://10.1.2.3/hook", false, "subscription.url-private")]
    [InlineData("https://172.20.0.1/hook", false, "subscription.url-private")]
    [InlineData("https://192.168.1.10/hook", false, "subscription.url-private")]
    [InlineData("https://169.254.169.254/latest/meta-data", false, "subscription.url-private")]
    [InlineData("https://[::1]/hook", false, "subscription.url-private")]
    [InlineData("https://[fd00::1]/hook", false, "subscription.url-private")]
    [InlineData("https://[::ffff:10.0.0.1]/hook", false, "subscription.url-private")]
    [InlineData("https://user:pass@newsroom.example.org/hook", false, "subscription.url-invalid")]
    [InlineData("ftp://newsroom.example.org/hook", false, "subscription.url-invalid")]
    [InlineData("bukan url", false, "subscription.url-invalid")]
    [InlineData("", false, "field.required")]
    [InlineData("http://127.0.0.1:9000/hook", true, null)]
    public void Subscriber_urls_go_to_public_addresses_unless_development_allows_private_ones(string url, bool allowPrivate, string? problem) =>
        Assert.Equal(problem, SubscriberUrls.Problem(url, allowPrivate));

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("2001:4860:4860::8888", true)]
    [InlineData("fe80::1", false)]
    public void Addresses_are_public_or_not(string address, bool isPublic) => Assert.Equal(isPublic, SubscriberUrls.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public void The_signature_is_the_hmac_sha256_of_the_timestamp_a_full_stop_and_the_body()
    {
        // Computed independently: python3 -c "import hmac,hashlib; print(hmac.new(b'rahasia-langganan-01', b'1767225600.{\"a\":1}', hashlib.sha256).hexdigest())"
        Assert.Equal("v1=db258e0b1b261adcf522bdccfd0e9f253de8695d91b499ddf3b0c9ffcd348b1c", WebhookDeliveryService.Sign("rahasia-langganan-01", 1767225600, Encoding.UTF8.GetBytes("{\"a\":1}")));
    }

    [Fact]
    public void Retries_back_off_exponentially_up_to_an_hour_then_the_delivery_is_dead()
    {
        var second = TimeSpan.FromSeconds(30);
        Assert.Equal(TimeSpan.FromSeconds(30), WebhookDeliveryService.Backoff(1, 8, second));
        Assert.Equal(TimeSpan.FromSeconds(60), WebhookDeliveryService.Backoff(2, 8, second));
        Assert.Equal(TimeSpan.FromSeconds(240), WebhookDeliveryService.Backoff(4, 8, second));
        Assert.Equal(TimeSpan.FromMinutes(32), WebhookDeliveryService.Backoff(7, 8, second));
        Assert.Equal(TimeSpan.FromHours(1), WebhookDeliveryService.Backoff(8, 10, second));
        Assert.Null(WebhookDeliveryService.Backoff(8, 8, second));
    }

    [Fact]
    public void Only_an_accredited_journalist_subscribes_and_cancelling_twice_changes_nothing()
    {
        Assert.Equal("journalist.not-accredited",
            Refusals.Conflict(() => WebhookUseCases.Subscribe(Journalist(AccreditationStatus.Revoked), Body(), Guid.NewGuid(), "v2:sealed", Now)).Code);
        Assert.Equal("journalist.not-accredited", Refusals.Conflict(() => WebhookUseCases.DemandAccredited(
            Journalist(AccreditationStatus.Accredited) with { PersonalDataErased = true })).Code);
        var subscribed = WebhookUseCases.Subscribe(Journalist(AccreditationStatus.Accredited), Body(), Guid.NewGuid(), "v2:sealed", Now);
        Assert.DoesNotContain("rahasia", System.Text.Json.JsonSerializer.Serialize(subscribed));
        var state = WebhookSubscription.Evolve(WebhookSubscription.Initial, subscribed);
        var cancelled = WebhookUseCases.Cancel(state, new WebhookContext(Now, "account-1"));
        state = cancelled.Aggregate(state, WebhookSubscription.Evolve);
        Assert.False(state.Active);
        Assert.Empty(WebhookUseCases.Cancel(state, new WebhookContext(Now, "account-1")));
    }

    [Fact]
    public void A_new_subscription_carries_its_url_and_secret_only_sealed_under_the_journalists_subject()
    {
        var journalist = Journalist(AccreditationStatus.Accredited);
        var body = Body() with { Url = "  https://rina-wartawati.example.id/hook?token=pribadi-123  " };
        Assert.Equal(new WebhookTarget("https://rina-wartawati.example.id/hook?token=pribadi-123", "rahasia-langganan-01"), WebhookUseCases.Target(body));

        var subscribed = WebhookUseCases.Subscribe(journalist, body, Guid.NewGuid(), "v2:c2VhbGVk", Now);
        Assert.Null(subscribed.Url);
        Assert.Null(subscribed.SealedSecret);
        Assert.Equal(journalist.PersonalDataSubject, subscribed.PersonalDataSubject);
        Assert.Equal("v2:c2VhbGVk", subscribed.SealedTarget);
        var json = System.Text.Json.JsonSerializer.Serialize(subscribed, Humas.Eventing.Store.EventSerializer.Options);
        foreach (var clear in new[] { "rina-wartawati", "pribadi-123", "rahasia", "https://" }) Assert.DoesNotContain(clear, json, StringComparison.Ordinal);

        var state = WebhookSubscription.Evolve(WebhookSubscription.Initial, subscribed);
        Assert.Equal(new StoredTarget(journalist.PersonalDataSubject, "v2:c2VhbGVk", null, null), state.Target);
        // Neither the view of the subscription nor anything the journalist reads back repeats the URL.
        Assert.DoesNotContain("example.id", System.Text.Json.JsonSerializer.Serialize(WebhookView.From(state, 1)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_subscription_written_before_targets_were_sealed_is_read_with_its_url_in_clear()
    {
        // The shape such events have in the store: a URL and a secret sealed under the service's key, no subject.
        var old = System.Text.Json.JsonSerializer.Deserialize<WebhookSubscribed>("""
            {"subscriptionId":"0199a0b1-0000-7000-8000-000000000001","journalistId":"0199a0b1-0000-7000-8000-000000000002","account":"account-1",
             "journalistUnitId":"kpu-33","unitIds":["kpu-33"],"subjects":[],"url":"https://newsroom.example.org/hook","sealedSecret":"s1:abc:ZGVm",
             "at":"2026-03-02T03:00:00+00:00"}
            """, Humas.Eventing.Store.EventSerializer.Options)!;
        var state = WebhookSubscription.Evolve(WebhookSubscription.Initial, old);
        Assert.Equal(new StoredTarget(null, null, "https://newsroom.example.org/hook", "s1:abc:ZGVm"), state.Target);
        Assert.True(state.Active);
    }

    [Fact]
    public void Dead_deliveries_are_replayed_to_an_active_subscription_only()
    {
        var subscription = Guid.NewGuid();
        var deliveries = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var replayed = Assert.IsType<WebhookDeliveriesReplayed>(Assert.Single(DeadDeliveries.Replay(true, subscription, deliveries, "officer", Now)));
        Assert.Equal(deliveries, replayed.DeliveryIds);
        Assert.Equal(subscription, replayed.SubscriptionId);
        Assert.Empty(DeadDeliveries.Replay(true, subscription, [], "officer", Now));
        Assert.Equal("subscription.ended", Refusals.Conflict(() => DeadDeliveries.Replay(false, subscription, deliveries, "officer", Now)).Code);
    }
}
