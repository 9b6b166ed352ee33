using Humas.Eventing.Store;
using MassTransit;
using Npgsql;

namespace Humas.Eventing.Inbox;

/// <summary>
/// A consumer whose effects happen once per message id, however often the broker delivers it:
/// the message id goes into the inbox in the same transaction as the consumer's own writes.
/// A second delivery finds it there and does nothing; two deliveries racing each other
/// serialize on the inbox key.
/// </summary>
public abstract class InboxConsumer<TMessage>(NpgsqlDataSource dataSource) : IConsumer<TMessage>
    where TMessage : class
{
    /// <summary>A stable name: renaming the class must not make old messages look new.</summary>
    protected abstract string ConsumerName { get; }

    public virtual async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id; it cannot be deduplicated.");
        var ct = context.CancellationToken;
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using (var claim = new NpgsqlCommand(
                "INSERT INTO inbox (consumer, message_id) VALUES (@consumer, @id) ON CONFLICT DO NOTHING", connection, transaction))
            {
                claim.Parameters.AddWithValue("consumer", ConsumerName);
                claim.Parameters.AddWithValue("id", messageId);
                if (await claim.ExecuteNonQueryAsync(ct) == 0) return;
            }

            await HandleAsync(context, connection, transaction);
            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            // Thrown on so that MassTransit retries with back-off and, in the end, moves it to _error.
            throw PostgresErrors.Translate(e);
        }
    }

    protected abstract Task HandleAsync(ConsumeContext<TMessage> context, NpgsqlConnection connection, NpgsqlTransaction transaction);
}
