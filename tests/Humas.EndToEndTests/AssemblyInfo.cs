// The broker-outage test stops RabbitMQ for the whole system: nothing else may run meanwhile.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
