package dev.kafkasdk.consumer.internal;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.BitSet;
import java.util.Iterator;
import java.util.NavigableSet;

/**
 * Encodes which records beyond a committed watermark are already completed, in the metadata string
 * of the offset commit, so that the next owner of the partition skips them.
 *
 * <p>Format (documented in {@code docs/concurrent-consumer.md}): {@code "ks1"}, one letter for the
 * encoding, then the payload in unpadded base64url. The covered range starts at {@code watermark + 1}
 * (the watermark itself is never completed) and ends at the highest completed offset.
 * <ul>
 *   <li>{@code R}: run lengths as unsigned LEB128 varints, alternating completed and not-completed
 *       runs, starting with a completed run (possibly 0) and ending with a completed run.</li>
 *   <li>{@code B}: a varint bit count, then a little-endian bitmap, bit {@code i} set when
 *       {@code watermark + 1 + i} is completed.</li>
 * </ul>
 * The encoder writes whichever is shorter. Offsets absent from the log (compaction, transaction
 * markers) count as completed. Anything that does not start with {@code ks1} decodes to "nothing
 * completed", so foreign or empty metadata is safe.
 */
final class OffsetMetadataCodec {

    static final String PREFIX = "ks1";
    private static final int HEADER = PREFIX.length() + 1;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private OffsetMetadataCodec() {}

    /**
     * How many offsets beyond the watermark a bitmap of at most {@code maxChars} characters can cover;
     * taking records only within this span guarantees the metadata fits.
     *
     * @param maxChars the broker's {@code offset.metadata.max.bytes}
     * @return the span, at least 1
     */
    static long maxSpan(int maxChars) {
        long payloadBytes = (long) (maxChars - HEADER) / 4 * 3 - 5;
        return Math.max(1, payloadBytes * 8);
    }

    /**
     * Encodes the completed offsets in {@code (watermark, highestCompleted]}.
     *
     * @param watermark the offset being committed (not completed)
     * @param incomplete the offsets of taken records not completed yet, ascending
     * @param highestCompleted the highest completed offset, or -1
     * @return the metadata; empty when nothing beyond the watermark is completed
     */
    static String encode(long watermark, NavigableSet<Long> incomplete, long highestCompleted) {
        long first = watermark + 1;
        if (highestCompleted < first) {
            return "";
        }
        ByteArrayOutputStream runs = new ByteArrayOutputStream();
        long cursor = first;
        Iterator<Long> it = incomplete.tailSet(first, true).iterator();
        long runStart = -1;
        long runEnd = -1;
        while (it.hasNext()) {
            long offset = it.next();
            if (offset > highestCompleted) {
                break;
            }
            if (runStart >= 0 && offset == runEnd + 1) {
                runEnd = offset;
                continue;
            }
            if (runStart >= 0) {
                varint(runs, runStart - cursor);
                varint(runs, runEnd - runStart + 1);
                cursor = runEnd + 1;
            }
            runStart = offset;
            runEnd = offset;
        }
        if (runStart >= 0) {
            varint(runs, runStart - cursor);
            varint(runs, runEnd - runStart + 1);
            cursor = runEnd + 1;
        }
        varint(runs, highestCompleted + 1 - cursor);
        long bits = highestCompleted + 1 - first;
        long bitmapBytes = (bits + 7) / 8 + varintSize(bits);
        if (runs.size() <= bitmapBytes) {
            return PREFIX + 'R' + ENCODER.encodeToString(runs.toByteArray());
        }
        return PREFIX + 'B' + ENCODER.encodeToString(bitmap(first, bits, incomplete));
    }

    /**
     * Decodes metadata written by {@link #encode}.
     *
     * @param metadata the commit's metadata, possibly {@code null} or foreign
     * @return bit {@code i} set when {@code watermark + 1 + i} is completed; empty when unknown
     */
    static BitSet decode(String metadata) {
        BitSet done = new BitSet();
        if (metadata == null || metadata.length() <= HEADER || !metadata.startsWith(PREFIX)) {
            return done;
        }
        try {
            byte[] payload = DECODER.decode(metadata.substring(HEADER));
            int[] pos = {0};
            if (metadata.charAt(PREFIX.length()) == 'R') {
                int index = 0;
                boolean completed = true;
                while (pos[0] < payload.length) {
                    long run = readVarint(payload, pos);
                    if (completed) {
                        done.set(index, Math.toIntExact(index + run));
                    }
                    index = Math.toIntExact(index + run);
                    completed = !completed;
                }
            } else if (metadata.charAt(PREFIX.length()) == 'B') {
                long bits = readVarint(payload, pos);
                for (int i = 0; i < bits; i++) {
                    if ((payload[pos[0] + i / 8] & (1 << (i % 8))) != 0) {
                        done.set(i);
                    }
                }
            }
            return done;
        } catch (RuntimeException e) {
            return new BitSet();
        }
    }

    private static byte[] bitmap(long first, long bits, NavigableSet<Long> incomplete) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        varint(out, bits);
        byte[] map = new byte[(int) ((bits + 7) / 8)];
        for (int i = 0; i < bits; i++) {
            map[i / 8] |= (byte) (1 << (i % 8));
        }
        for (long offset : incomplete.subSet(first, true, first + bits - 1, true)) {
            int i = (int) (offset - first);
            map[i / 8] &= (byte) ~(1 << (i % 8));
        }
        out.write(map, 0, map.length);
        return out.toByteArray();
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static int varintSize(long value) {
        int size = 1;
        long v = value;
        while ((v & ~0x7FL) != 0) {
            size++;
            v >>>= 7;
        }
        return size;
    }

    private static long readVarint(byte[] in, int[] pos) {
        long value = 0;
        int shift = 0;
        while (true) {
            byte b = in[pos[0]++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
            shift += 7;
            if (shift > 63) {
                throw new IllegalArgumentException("varint too long");
            }
        }
    }
}
