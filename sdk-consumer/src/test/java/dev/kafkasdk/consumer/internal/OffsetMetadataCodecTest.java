package dev.kafkasdk.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class OffsetMetadataCodecTest {

    @Test
    void nothingCompletedBeyondTheWatermarkEncodesAsEmpty() {
        assertThat(OffsetMetadataCodec.encode(100, new TreeSet<>(java.util.List.of(100L, 101L)), 99))
                .isEmpty();
        assertThat(OffsetMetadataCodec.decode("").isEmpty()).isTrue();
        assertThat(OffsetMetadataCodec.decode(null).isEmpty()).isTrue();
    }

    @Test
    void aSlowRecordAtTheWatermarkWithAThousandCompletedAfterItTakesAFewCharacters() {
        TreeSet<Long> incomplete = new TreeSet<>(java.util.List.of(500L));
        String metadata = OffsetMetadataCodec.encode(500, incomplete, 1500);

        assertThat(metadata).startsWith("ks1R").hasSizeLessThan(10);
        BitSet done = OffsetMetadataCodec.decode(metadata);
        assertThat(done.cardinality()).isEqualTo(1000);
        assertThat(done.nextClearBit(0)).isEqualTo(1000);
    }

    @Test
    void roundTripsRandomPatternsWithTheShorterEncoding() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            long watermark = random.nextInt(1_000_000);
            int span = 1 + random.nextInt(5000);
            double density = random.nextDouble();
            TreeSet<Long> incomplete = new TreeSet<>();
            incomplete.add(watermark);
            for (long o = watermark + 1; o < watermark + span; o++) {
                if (random.nextDouble() < density) {
                    incomplete.add(o);
                }
            }
            long highest = watermark + span;
            String metadata = OffsetMetadataCodec.encode(watermark, incomplete, highest);
            BitSet done = OffsetMetadataCodec.decode(metadata);
            for (long o = watermark + 1; o <= highest; o++) {
                assertThat(done.get((int) (o - watermark - 1)))
                        .as("offset %d of round %d", o, round)
                        .isEqualTo(!incomplete.contains(o));
            }
            assertThat(done.length()).isLessThanOrEqualTo(span);
        }
    }

    @Test
    void aBitmapWithinTheMaxSpanFitsTheLimit() {
        for (int limit : new int[] {128, 256, 4096}) {
            long span = OffsetMetadataCodec.maxSpan(limit);
            TreeSet<Long> incomplete = new TreeSet<>();
            for (long o = 0; o <= span; o += 2) {
                incomplete.add(o);
            }
            String worst = OffsetMetadataCodec.encode(0, incomplete, span - 1);
            assertThat(worst.length()).as("limit %d", limit).isLessThanOrEqualTo(limit);
        }
    }

    @Test
    void foreignOrCorruptMetadataMeansNothingCompleted() {
        assertThat(OffsetMetadataCodec.decode("written by someone else").isEmpty())
                .isTrue();
        assertThat(OffsetMetadataCodec.decode("ks1R!!!").isEmpty()).isTrue();
        assertThat(OffsetMetadataCodec.decode("ks1X").isEmpty()).isTrue();
    }
}
