package dev.kafkasdk.consumer.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * An append-only file of processed records: {@code value, epoch millis, topic, partition, next
 * offset}, one line per record written with one system call, so a SIGKILL never tears a line. It
 * doubles as the "database" of the external-offsets workflow: work and offset land in the same write.
 */
final class WorkLog {

    record Entry(String value, long millis, TopicPartition partition, long nextOffset) {}

    private final Path file;

    WorkLog(Path file) {
        this.file = file;
    }

    synchronized void append(String value, TopicPartition partition, long nextOffset) {
        String line = value + "\t" + System.currentTimeMillis() + "\t" + partition.topic() + "\t"
                + partition.partition() + "\t" + nextOffset + "\n";
        try (FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Entry> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Entry> entries = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length == 5) {
                    entries.add(new Entry(
                            f[0],
                            Long.parseLong(f[1]),
                            new TopicPartition(f[2], Integer.parseInt(f[3])),
                            Long.parseLong(f[4])));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> values() {
        return read().stream().map(Entry::value).toList();
    }

    /** The highest stored next offset per partition across several logs. */
    static Map<TopicPartition, Long> storedOffsets(List<WorkLog> logs) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (WorkLog log : logs) {
            for (Entry entry : log.read()) {
                offsets.merge(entry.partition(), entry.nextOffset(), Math::max);
            }
        }
        return offsets;
    }
}
