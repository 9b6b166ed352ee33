// The async-projection tests reason about the cluster-wide snapshot xmin, and the broker tests
// stop RabbitMQ: test classes run one at a time so that none disturbs another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
