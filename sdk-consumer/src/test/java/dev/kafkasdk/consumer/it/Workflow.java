package dev.kafkasdk.consumer.it;

/** The commit workflows the crash test runs. */
enum Workflow {
    AUTO,
    SYNC_PER_BATCH,
    SYNC_PER_RECORD,
    ASYNC,
    EXTERNAL,
    TRANSACTIONAL
}
