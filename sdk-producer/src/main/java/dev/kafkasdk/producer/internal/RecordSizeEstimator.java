package dev.kafkasdk.producer.internal;

import org.apache.kafka.common.header.Header;

/**
 * Upper bound of the bytes one record takes in a produce request, computed the same way
 * kafka-clients does before it accepts a record (record batch format v2, no compression
 * credit): the batch header, the record's worst-case fixed overhead, and the varint-prefixed
 * key, value and headers. Compression can only make the real request smaller.
 */
final class RecordSizeEstimator {

    /** Fixed header of a v2 record batch: offset, length, epoch, magic, crc, ids, counts. */
    static final int RECORD_BATCH_OVERHEAD = 61;
    /** Worst case of a record's length, attributes, timestamp delta and offset delta fields. */
    static final int MAX_RECORD_OVERHEAD = 21;

    private RecordSizeEstimator() {}

    /**
     * The upper bound in bytes.
     *
     * @param key the serialized key, or null
     * @param value the serialized value, or null
     * @param headers the headers (never null)
     * @return the estimated size
     */
    static int upperBound(byte[] key, byte[] value, Header[] headers) {
        long size = RECORD_BATCH_OVERHEAD + MAX_RECORD_OVERHEAD;
        size += sizedField(key == null ? -1 : key.length);
        size += sizedField(value == null ? -1 : value.length);
        size += varintSize(headers.length);
        for (Header header : headers) {
            int nameLength = utf8Length(header.key());
            size += varintSize(nameLength) + nameLength;
            byte[] headerValue = header.value();
            size += sizedField(headerValue == null ? -1 : headerValue.length);
        }
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    /** UTF-8 length of a string without encoding it (an unpaired surrogate encodes as '?'). */
    static int utf8Length(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                length += 1;
            } else {
                length += 3;
            }
        }
        return length;
    }

    private static long sizedField(int length) {
        return length < 0 ? varintSize(-1) : (long) varintSize(length) + length;
    }

    /** Bytes of a zig-zag encoded varint, as Kafka writes lengths in record format v2. */
    static int varintSize(int value) {
        int zigZag = (value << 1) ^ (value >> 31);
        int bytes = 1;
        while ((zigZag & 0xffffff80) != 0) {
            bytes++;
            zigZag >>>= 7;
        }
        return bytes;
    }
}
