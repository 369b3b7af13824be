package dev.kafkasdk.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Faults scripted in time against a {@link KafkaCluster}: "at 5 s black-hole node 2 for 10 s, at
 * 20 s pause node 1 for 5 s". Steps run on one daemon thread, in order of their offset from
 * {@link Builder#start()}; a fault with a length is undone (healed, resumed) when its length is
 * over, and by {@link #close()} if the timeline is closed first, so a test never leaves a node
 * black-holed or paused.
 *
 * <pre>{@code
 * try (FaultTimeline faults = FaultTimeline.parse(cluster, """
 *         at 2s: blackhole node 1 for 5s
 *         at 10s: latency 300ms jitter 100ms node 0 for 5s
 *         """).start()) {
 *     // run load
 *     faults.awaitDone(Duration.ofSeconds(30));
 * }
 * }</pre>
 *
 * <p>Network steps need {@link KafkaBroker#faultProxy()}; {@code pause}, {@code kill}, {@code
 * stop} and {@code restart} need {@link Backend#CHILD_JVM}. A step that throws stops the timeline:
 * the remaining steps are skipped, pending undos run, and {@link #awaitDone(Duration)} throws
 * naming the step. Thread-safe.
 *
 * @since 0.1
 */
public final class FaultTimeline implements AutoCloseable {

    /**
     * One step that ran.
     *
     * @param planned     its offset in the script
     * @param actual      when it ran, from the start of the timeline
     * @param description what it did, e.g. {@code "blackhole BOTH node 1"}
     */
    public record Step(Duration planned, Duration actual, String description) {}

    private final List<Planned> plan;
    private final List<Step> executed = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch closed = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final long startNanos = System.nanoTime();
    private volatile @Nullable RuntimeException failure;

    private FaultTimeline(List<Planned> plan) {
        this.plan = plan;
        Thread runner = new Thread(this::run, "kafka-sdk-test-fault-timeline");
        runner.setDaemon(true);
        runner.start();
    }

    /**
     * Starts a script for {@code cluster}.
     *
     * @param cluster the cluster whose nodes the steps act on
     * @return an empty builder
     */
    public static Builder on(KafkaCluster cluster) {
        return new Builder(Objects.requireNonNull(cluster, "cluster"));
    }

    /**
     * Reads a script, one step a line; blank lines and lines starting with {@code #} are skipped:
     *
     * <pre>
     * at &lt;offset&gt;: blackhole [to-broker|to-client|both] node &lt;id&gt; [for &lt;length&gt;]
     * at &lt;offset&gt;: latency &lt;delay&gt; [jitter &lt;jitter&gt;] [direction] node &lt;id&gt; [for &lt;length&gt;]
     * at &lt;offset&gt;: bandwidth &lt;n&gt;(B|KiB|MiB)/s [direction] node &lt;id&gt; [for &lt;length&gt;]
     * at &lt;offset&gt;: refuse node &lt;id&gt; [for &lt;length&gt;]
     * at &lt;offset&gt;: reset node &lt;id&gt;
     * at &lt;offset&gt;: pause node &lt;id&gt; [for &lt;length&gt;]
     * at &lt;offset&gt;: kill|stop|restart node &lt;id&gt;
     * </pre>
     *
     * Durations are written {@code 250ms}, {@code 5s} or {@code 1m}; the direction defaults to
     * {@code both}.
     *
     * @param cluster the cluster whose nodes the steps act on
     * @param script  the steps
     * @return a builder holding the steps, to add more or {@link Builder#start()}
     * @throws IllegalArgumentException naming the line and what was expected, if a line does not parse
     */
    public static Builder parse(KafkaCluster cluster, String script) {
        Builder builder = on(cluster);
        String[] lines = script.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                try {
                    ScriptLine.apply(builder, line, i + 1);
                } catch (ScriptException e) {
                    throw e;
                } catch (IllegalArgumentException e) {
                    throw ScriptLine.bad(i + 1, line, e.getMessage());
                }
            }
        }
        return builder;
    }

    /**
     * Waits until every step (and every undo) has run.
     *
     * @param timeout how long to wait at most
     * @throws KafkaTestKitException if a step failed (naming it), or the steps did not finish within {@code timeout}
     */
    public void awaitDone(Duration timeout) {
        try {
            if (!done.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new KafkaTestKitException("The fault timeline did not finish within " + timeout.toMillis()
                        + " ms; ran so far: " + executed());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaTestKitException("Interrupted while waiting for the fault timeline", e);
        }
        RuntimeException failed = failure;
        if (failed != null) {
            throw new KafkaTestKitException(failed.getMessage(), failed.getCause());
        }
    }

    /**
     * The steps that have run so far, in the order they ran.
     *
     * @return a copy
     */
    public List<Step> executed() {
        synchronized (executed) {
            return List.copyOf(executed);
        }
    }

    /** Skips the steps not yet run, runs the pending undos at once and waits for them. Idempotent. */
    @Override
    public void close() {
        closed.countDown();
        try {
            if (!done.await(2, TimeUnit.MINUTES)) {
                throw new KafkaTestKitException("The fault timeline's undos did not finish within 2 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        PriorityQueue<Planned> undos = new PriorityQueue<>(Comparator.comparing(Planned::offset));
        int nextStep = 0;
        try {
            while (failure == null && (nextStep < plan.size() || !undos.isEmpty())) {
                Planned step = nextStep < plan.size() ? plan.get(nextStep) : null;
                Planned undo = undos.peek();
                // an undo due no later than the next step runs first: a heal before a new fault
                boolean undoFirst = undo != null && (step == null || undo.offset.compareTo(step.offset) <= 0);
                Planned next = undoFirst ? undo : step;
                if (!waitUntil(next.offset)) {
                    break;
                }
                if (undoFirst) {
                    undos.poll();
                    runOne(next);
                } else {
                    nextStep++;
                    runOne(next);
                    if (next.undo != null && failure == null) {
                        undos.add(next.undo);
                    }
                }
            }
        } finally {
            // closed or failed: what is still in force is undone at once
            while (!undos.isEmpty()) {
                runOne(undos.poll());
            }
            done.countDown();
        }
    }

    private void runOne(Planned step) {
        try {
            step.action.run();
            record(step);
        } catch (RuntimeException e) {
            fail(step, e);
        }
    }

    private void record(Planned step) {
        executed.add(new Step(step.offset, Duration.ofNanos(System.nanoTime() - startNanos), step.description));
    }

    private void fail(Planned step, RuntimeException e) {
        if (failure == null) {
            failure = new KafkaTestKitException(
                    "Fault timeline step at " + step.offset.toMillis() + " ms (" + step.description + ") failed: " + e,
                    e);
        }
    }

    /** Waits until {@code offset} from the start; false once the timeline is closed. */
    private boolean waitUntil(Duration offset) {
        long remaining = startNanos + offset.toNanos() - System.nanoTime();
        try {
            return remaining <= 0 ? closed.getCount() > 0 : !closed.await(remaining, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A step and, for faults with a length, the step that undoes it. */
    private record Planned(
            Duration offset,
            String description,
            Runnable action,
            @Nullable Planned undo) {}

    /** Collects the steps of a timeline; not thread-safe. */
    public static final class Builder {
        private final KafkaCluster cluster;
        private final List<Planned> steps = new ArrayList<>();

        private Builder(KafkaCluster cluster) {
            this.cluster = cluster;
        }

        /**
         * Runs {@code action} at {@code offset}.
         *
         * @param offset      when, from {@link #start()}; zero or more
         * @param description what it does, for {@link #executed()} and error messages
         * @param action      the step
         * @return this builder
         */
        public Builder at(Duration offset, String description, Runnable action) {
            steps.add(new Planned(checked(offset, "offset"), description, action, null));
            return this;
        }

        /**
         * Applies a network fault to a node's proxy at {@code offset} and heals the proxy {@code
         * length} later.
         *
         * @param offset      when, from {@link #start()}
         * @param nodeId      the node
         * @param length      how long the fault lasts; positive
         * @param description what the fault is, e.g. {@code "blackhole BOTH"}
         * @param fault       applies the fault, e.g. {@code net -> net.blackhole(BOTH)}
         * @return this builder
         */
        public Builder network(
                Duration offset, int nodeId, Duration length, String description, Consumer<NetworkFaults> fault) {
            String what = description + " node " + nodeId;
            Planned heal = new Planned(
                    end(offset, length),
                    "heal node " + nodeId,
                    () -> cluster.network(nodeId).heal(),
                    null);
            steps.add(new Planned(
                    checked(offset, "offset"),
                    what + " for " + length.toMillis() + " ms",
                    () -> fault.accept(cluster.network(nodeId)),
                    heal));
            return this;
        }

        /**
         * Black-holes a node's proxy in both directions for {@code length}.
         *
         * @param offset when, from {@link #start()}
         * @param nodeId the node
         * @param length how long
         * @return this builder
         */
        public Builder blackhole(Duration offset, int nodeId, Duration length) {
            return network(
                    offset, nodeId, length, "blackhole BOTH", net -> net.blackhole(NetworkFaults.Direction.BOTH));
        }

        /**
         * Pauses a child-JVM node ({@code SIGSTOP}) for {@code length}, then resumes it.
         *
         * @param offset when, from {@link #start()}
         * @param nodeId the node
         * @param length how long
         * @return this builder
         */
        public Builder pause(Duration offset, int nodeId, Duration length) {
            Planned resume = new Planned(
                    end(offset, length),
                    "resume node " + nodeId,
                    () -> cluster.node(nodeId).resume(),
                    null);
            steps.add(new Planned(
                    checked(offset, "offset"),
                    "pause node " + nodeId + " for " + length.toMillis() + " ms",
                    () -> cluster.node(nodeId).pause(),
                    resume));
            return this;
        }

        /**
         * Kills a child-JVM node with {@code SIGKILL} at {@code offset}.
         *
         * @param offset when, from {@link #start()}
         * @param nodeId the node
         * @return this builder
         */
        public Builder kill(Duration offset, int nodeId) {
            return at(offset, "kill node " + nodeId, () -> cluster.node(nodeId).kill());
        }

        /**
         * Restarts a stopped or killed child-JVM node at {@code offset} (returns when it runs; use
         * {@link KafkaNode#awaitServing(Duration)} to wait until it serves).
         *
         * @param offset when, from {@link #start()}
         * @param nodeId the node
         * @return this builder
         */
        public Builder restart(Duration offset, int nodeId) {
            return at(
                    offset, "restart node " + nodeId, () -> cluster.node(nodeId).restart());
        }

        /**
         * Starts the clock and runs the steps in order of offset (steps with equal offsets in the
         * order they were added).
         *
         * @return the running timeline; close it to skip what has not run and undo pending faults
         */
        public FaultTimeline start() {
            List<Planned> ordered = new ArrayList<>(steps);
            ordered.sort(Comparator.comparing(Planned::offset));
            return new FaultTimeline(List.copyOf(ordered));
        }

        private static Duration end(Duration offset, Duration length) {
            if (length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException(
                        "length=" + length.toMillis() + " ms: a fault's length must be positive");
            }
            return checked(offset, "offset").plus(length);
        }

        private static Duration checked(Duration offset, String name) {
            if (offset.isNegative()) {
                throw new IllegalArgumentException(name + "=" + offset.toMillis() + " ms: must be zero or more");
            }
            return offset;
        }
    }

    /** One line of a script; see {@link #parse(KafkaCluster, String)}. */
    private static final class ScriptLine {
        private static final Pattern LINE =
                Pattern.compile("at\\s+(\\S+)\\s*:\\s*(.+?)\\s+node\\s+(\\d+)(?:\\s+for\\s+(\\S+))?");
        private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");
        private static final Pattern RATE = Pattern.compile("(\\d+)(B|KiB|MiB)/s");

        static void apply(Builder builder, String line, int number) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw bad(number, line, "expected 'at <offset>: <fault> node <id> [for <length>]'");
            }
            Duration at = duration(m.group(1), number, line);
            String[] words = m.group(2).strip().split("\\s+");
            int node = Integer.parseInt(m.group(3));
            Duration length = m.group(4) == null ? null : duration(m.group(4), number, line);
            String fault = words[0].toLowerCase(Locale.ROOT);
            switch (fault) {
                case "blackhole" -> {
                    NetworkFaults.Direction direction = direction(words, 1, number, line);
                    builder.network(
                            at,
                            node,
                            need(length, number, line),
                            "blackhole " + direction,
                            net -> net.blackhole(direction));
                }
                case "latency" -> {
                    Duration delay = duration(word(words, 1, "a delay", number, line), number, line);
                    int next = 2;
                    Duration jitter = Duration.ZERO;
                    if (words.length > next && words[next].equals("jitter")) {
                        jitter = duration(word(words, next + 1, "a jitter", number, line), number, line);
                        next += 2;
                    }
                    NetworkFaults.Direction direction = direction(words, next, number, line);
                    Duration j = jitter;
                    builder.network(
                            at,
                            node,
                            need(length, number, line),
                            "latency " + delay.toMillis() + " ms + " + j.toMillis() + " ms " + direction,
                            net -> net.latency(direction, delay, j));
                }
                case "bandwidth" -> {
                    long rate = rate(word(words, 1, "a rate like 512KiB/s", number, line), number, line);
                    NetworkFaults.Direction direction = direction(words, 2, number, line);
                    builder.network(
                            at,
                            node,
                            need(length, number, line),
                            "bandwidth " + rate + " B/s " + direction,
                            net -> net.bandwidth(direction, rate));
                }
                case "refuse" -> {
                    only(words, 1, number, line);
                    builder.network(
                            at,
                            node,
                            need(length, number, line),
                            "refuse connections",
                            NetworkFaults::refuseConnections);
                }
                case "reset" -> {
                    only(words, 1, number, line);
                    noLength(length, fault, number, line);
                    builder.at(
                            at,
                            "reset connections node " + node,
                            () -> builder.cluster.network(node).resetConnections());
                }
                case "pause" -> {
                    only(words, 1, number, line);
                    builder.pause(at, node, need(length, number, line));
                }
                case "kill", "stop", "restart" -> {
                    only(words, 1, number, line);
                    noLength(length, fault, number, line);
                    KafkaCluster cluster = builder.cluster;
                    Runnable action = switch (fault) {
                        case "kill" -> () -> cluster.node(node).kill();
                        case "stop" -> () -> cluster.node(node).stop();
                        default -> () -> cluster.node(node).restart();
                    };
                    builder.at(at, fault + " node " + node, action);
                }
                default ->
                    throw bad(
                            number,
                            line,
                            "unknown fault '" + words[0]
                                    + "'; valid: blackhole, latency, bandwidth, refuse, reset, pause, kill, stop, restart");
            }
        }

        private static Duration duration(String text, int number, String line) {
            Matcher m = DURATION.matcher(text);
            if (!m.matches()) {
                throw bad(number, line, "'" + text + "' is not a duration; write e.g. 250ms, 5s or 1m");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMinutes(n);
            };
        }

        private static long rate(String text, int number, String line) {
            Matcher m = RATE.matcher(text);
            if (!m.matches()) {
                throw bad(number, line, "'" + text + "' is not a rate; write e.g. 64KiB/s, 1MiB/s or 4096B/s");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "B" -> n;
                case "KiB" -> n * 1024;
                default -> n * 1024 * 1024;
            };
        }

        private static NetworkFaults.Direction direction(String[] words, int index, int number, String line) {
            if (words.length <= index) {
                return NetworkFaults.Direction.BOTH;
            }
            only(words, index + 1, number, line);
            return switch (words[index].toLowerCase(Locale.ROOT)) {
                case "both" -> NetworkFaults.Direction.BOTH;
                case "to-broker" -> NetworkFaults.Direction.TO_BROKER;
                case "to-client" -> NetworkFaults.Direction.TO_CLIENT;
                default ->
                    throw bad(
                            number,
                            line,
                            "unknown direction '" + words[index] + "'; valid: both, to-broker, to-client");
            };
        }

        private static String word(String[] words, int index, String expected, int number, String line) {
            if (words.length <= index) {
                throw bad(number, line, "expected " + expected + " after '" + words[index - 1] + "'");
            }
            return words[index];
        }

        private static void only(String[] words, int count, int number, String line) {
            if (words.length > count) {
                throw bad(number, line, "unexpected '" + words[count] + "'");
            }
        }

        private static Duration need(@Nullable Duration length, int number, String line) {
            if (length == null) {
                throw bad(number, line, "this fault needs 'for <length>', e.g. 'for 10s'");
            }
            return length;
        }

        private static void noLength(@Nullable Duration length, String fault, int number, String line) {
            if (length != null) {
                throw bad(number, line, "'" + fault + "' happens at once and takes no 'for <length>'");
            }
        }

        static ScriptException bad(int number, String line, String problem) {
            return new ScriptException("Fault script line " + number + " '" + line + "': " + problem);
        }
    }

    /** A line that does not parse, already naming the line. */
    private static final class ScriptException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        ScriptException(String message) {
            super(message);
        }
    }
}
