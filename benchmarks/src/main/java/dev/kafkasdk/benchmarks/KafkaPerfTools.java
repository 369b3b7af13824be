package dev.kafkasdk.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.utils.internals.Exit;
import org.apache.kafka.tools.ConsumerPerformance;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * Runs Kafka's own {@code ProducerPerformance} and {@code ConsumerPerformance} (kafka-tools) inside
 * this JVM, so they share its JVM flags, JIT and CPU accounting with the raw and SDK scenarios, and
 * parses their summary line.
 *
 * <p>Both tools print to {@code System.out}, which is redirected (and echoed) while a tool runs.
 * {@code ConsumerPerformance} calls Kafka's {@code Exit.exit(1)} when it fails and both call it on
 * bad arguments; {@code Exit}'s exit procedure is replaced for the duration so that this becomes an
 * exception instead of ending the benchmark JVM.
 *
 * <p>Threading: one tool at a time (the redirection is global).
 */
final class KafkaPerfTools {

    private static final String NUMBER = "([0-9]+(?:[.,][0-9]+)?)";
    private static final Pattern PRODUCER_TOTAL = Pattern.compile("(\\d+) records sent, " + NUMBER
            + " records/sec .*? ms max latency, " + NUMBER + " ms 50th, " + NUMBER + " ms 95th, " + NUMBER
            + " ms 99th");

    /** The producer tool's summary. */
    record ProducerResult(long records, double recordsPerSecond, double p50Millis, double p99Millis) {}

    /**
     * The consumer tool's summary.
     *
     * @param records records consumed
     * @param fetchMillis time spent fetching, without the group join (the tool's {@code fetch.time.ms})
     */
    record ConsumerResult(long records, long fetchMillis) {}

    private KafkaPerfTools() {}

    /**
     * Sends {@code records} records of {@code recordBytes} random letters with no throughput limit.
     *
     * @param bootstrapServers the broker
     * @param topic an existing topic
     * @param records how many records
     * @param recordBytes the size of each record
     * @param properties producer properties beyond {@code bootstrap.servers}
     * @return the parsed summary
     */
    static ProducerResult producer(
            String bootstrapServers, String topic, long records, int recordBytes, Map<String, String> properties) {
        List<String> args = new ArrayList<>(List.of(
                "--topic",
                topic,
                "--num-records",
                Long.toString(records),
                "--record-size",
                Integer.toString(recordBytes),
                "--throughput",
                "-1",
                "--bootstrap-server",
                bootstrapServers));
        if (!properties.isEmpty()) {
            args.add("--command-property");
            properties.forEach((k, v) -> args.add(k + "=" + v));
        }
        String output = capture(() -> ProducerPerformance.main(args.toArray(String[]::new)));
        Matcher m = PRODUCER_TOTAL.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no summary line in ProducerPerformance output:\n" + output);
        }
        return new ProducerResult(Long.parseLong(m.group(1)), parse(m.group(2)), parse(m.group(3)), parse(m.group(5)));
    }

    /**
     * Reads {@code records} records from the beginning of a topic with a new group.
     *
     * @param bootstrapServers the broker
     * @param topic the topic
     * @param group a group id not used before
     * @param records how many records to read
     * @return the parsed summary
     */
    static ConsumerResult consumer(String bootstrapServers, String topic, String group, long records) {
        String[] args = {
            "--bootstrap-server",
            bootstrapServers,
            "--topic",
            topic,
            "--group",
            group,
            "--num-records",
            Long.toString(records),
            "--timeout",
            "60000",
            "--hide-header"
        };
        String output = capture(() -> ConsumerPerformance.main(args));
        for (String line : output.split("\\R")) {
            String[] fields = line.split(", ");
            // start.time, end.time, MB, MB.sec, nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, ...
            if (fields.length == 10 && fields[4].matches("\\d+")) {
                return new ConsumerResult(Long.parseLong(fields[4]), Long.parseLong(fields[7].trim()));
            }
        }
        throw new IllegalStateException("no summary line in ConsumerPerformance output:\n" + output);
    }

    private static double parse(String number) {
        return Double.parseDouble(number.replace(',', '.'));
    }

    private interface Tool {
        void run() throws Exception;
    }

    private static synchronized String capture(Tool tool) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new TeeStream(original, buffer), true, StandardCharsets.UTF_8);
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("Kafka tool exited with status " + status + ": " + message);
        });
        System.setOut(tee);
        try {
            tool.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Kafka tool failed", e);
        } finally {
            System.setOut(original);
            Exit.resetExitProcedure();
        }
        tee.flush();
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** Writes to the console and to a buffer. */
    private static final class TeeStream extends java.io.OutputStream {
        private final PrintStream console;
        private final ByteArrayOutputStream buffer;

        TeeStream(PrintStream console, ByteArrayOutputStream buffer) {
            this.console = console;
            this.buffer = buffer;
        }

        @Override
        public void write(int b) {
            console.write(b);
            buffer.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            console.write(b, off, len);
            buffer.write(b, off, len);
        }
    }
}
