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
        Id = Guid.NewGuid(), UnitId = "kpu-33", Account = "account-1", Status = status,
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
            Refusals.Conflict(() => WebhookUseCases.Subscribe(Journalist(AccreditationStatus.Revoked), Body(), Guid.NewGuid(), "s1:sealed", Now)).Code);
        var subscribed = WebhookUseCases.Subscribe(Journalist(AccreditationStatus.Accredited), Body(), Guid.NewGuid(), "s1:sealed", Now);
        Assert.DoesNotContain("rahasia", System.Text.Json.JsonSerializer.Serialize(subscribed));
        var state = WebhookSubscription.Evolve(WebhookSubscription.Initial, subscribed);
        var cancelled = WebhookUseCases.Cancel(state, new WebhookContext(Now, "account-1"));
        state = cancelled.Aggregate(state, WebhookSubscription.Evolve);
        Assert.False(state.Active);
        Assert.Empty(WebhookUseCases.Cancel(state, new WebhookContext(Now, "account-1")));
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
