package dev.kafkasdk.test.internal;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates topic names that are unique within the JVM (a counter) and, with overwhelming
 * probability, across JVMs and runs against a shared cluster (a random suffix). Thread-safe.
 */
public final class TopicNames {

    /** Kafka's limit on topic name length. */
    static final int MAX_LENGTH = 249;

    private static final AtomicLong COUNTER = new AtomicLong();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final int SUFFIX_LENGTH = 8;

    private TopicNames() {}

    /**
     * Returns {@code <prefix>-<counter>-<random>}, with every character Kafka does not allow in the
     * prefix replaced by {@code -}, the prefix shortened to keep the whole name within 249
     * characters, and {@code topic} used for an empty prefix.
     *
     * @param prefix a readable prefix, may be {@code null} or empty
     * @return a valid, fresh topic name
     */
    public static String unique(String prefix) {
        String tail = "-" + COUNTER.incrementAndGet() + "-" + randomSuffix();
        String head = sanitize(prefix);
        if (head.length() + tail.length() > MAX_LENGTH) {
            head = head.substring(0, MAX_LENGTH - tail.length());
        }
        return head + tail;
    }

    static String sanitize(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return "topic";
        }
        StringBuilder out = new StringBuilder(prefix.length());
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            boolean legal = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '-';
            out.append(legal ? c : '-');
        }
        return out.toString();
    }

    private static String randomSuffix() {
        char[] chars = new char[SUFFIX_LENGTH];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(chars);
    }
}
