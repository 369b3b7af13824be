package dev.kafkasdk.test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The script parser: every accepted form, and errors that name the line and what is valid. */
class FaultTimelineScriptTest {

    /** Parsing never touches the cluster; any call would fail the test. */
    private static final KafkaCluster NO_CLUSTER = (KafkaCluster) Proxy.newProxyInstance(
            KafkaCluster.class.getClassLoader(), new Class<?>[] {KafkaCluster.class}, (proxy, method, args) -> {
                throw new AssertionError("parse called " + method.getName());
            });

    @Test
    void everyFaultParses() {
        assertThatCode(() -> FaultTimeline.parse(NO_CLUSTER, """
                        # comment

                        at 0ms: blackhole node 0 for 5s
                        at 1s: blackhole to-broker node 1 for 250ms
                        at 2s: latency 300ms node 0 for 1m
                        at 2s: latency 300ms jitter 50ms to-client node 2 for 3s
                        at 3s: bandwidth 512KiB/s node 0 for 3s
                        at 3s: bandwidth 4096B/s to-broker node 0 for 3s
                        at 4s: refuse node 1 for 1s
                        at 5s: reset node 1
                        at 6s: pause node 2 for 5s
                        at 7s: kill node 0
                        at 8s: stop node 1
                        at 9s: restart node 0
                        """)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "blackhole node 0 for 5s| expected 'at <offset>: <fault> node <id> [for <length>]'",
                "at 5: blackhole node 0 for 5s| '5' is not a duration; write e.g. 250ms, 5s or 1m",
                "at 5s: blackhole node 0| this fault needs 'for <length>', e.g. 'for 10s'",
                "at 5s: blackhole sideways node 0 for 1s| unknown direction 'sideways'; valid: both, to-broker, to-client",
                "at 5s: kill node 0 for 1s| 'kill' happens at once and takes no 'for <length>'",
                "at 5s: bandwidth 10kb node 0 for 1s| '10kb' is not a rate; write e.g. 64KiB/s, 1MiB/s or 4096B/s",
                "at 5s: explode node 0| unknown fault 'explode'; valid: blackhole, latency, bandwidth, refuse, reset, pause, kill, stop, restart",
                "at 5s: pause now node 0 for 1s| unexpected 'now'",
                "at 5s: blackhole node 0 for 0s| length=0 ms: a fault's length must be positive"
            })
    void aBadLineIsNamedWithWhatIsValid(String line, String problem) {
        String script = "at 0ms: reset node 0\n" + line;
        String expected = "Fault script line 2 '" + line + "': " + problem;
        assertThatThrownBy(() -> FaultTimeline.parse(NO_CLUSTER, script))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(expected);
    }
}
