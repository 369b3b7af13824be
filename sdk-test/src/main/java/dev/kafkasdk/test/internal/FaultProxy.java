package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.KafkaTestKitException;
import dev.kafkasdk.test.NetworkFaults;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy on 127.0.0.1 in front of one broker port, with {@link NetworkFaults}. Each accepted
 * connection gets an upstream connection and two pumps (one per direction), each a reader thread
 * and a writer thread joined by a queue, so that a delay holds bytes back without slowing the
 * reading. Daemon threads; {@link #close()} stops everything. Thread-safe.
 */
final class FaultProxy implements NetworkFaults, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);
    private static final int BUFFER = 64 * 1024;

    private final String name;
    private final int targetPort;
    private final ServerSocket server;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private final DirectionFaults toBroker = new DirectionFaults();
    private final DirectionFaults toClient = new DirectionFaults();
    private volatile boolean refusing;
    private volatile boolean closed;

    /** Per-direction settings, read by the pumps on every chunk. */
    private static final class DirectionFaults {
        volatile long delayNanos;
        volatile long jitterNanos;
        volatile boolean blackhole;
        /** Zero for no limit. */
        volatile long bytesPerSecond;
        /** When the limited link has carried every chunk queued so far; guarded by this. */
        private long linkFreeNanos;

        long nextDelayNanos() {
            long jitter = jitterNanos;
            return delayNanos + (jitter > 0 ? ThreadLocalRandom.current().nextLong(jitter + 1) : 0);
        }

        /**
         * When a chunk of {@code bytes}, ready at {@code readyNanos}, has gone over the link: after
         * the chunks before it on any connection, plus its own transmission time.
         */
        synchronized long carried(long readyNanos, int bytes) {
            long rate = bytesPerSecond;
            if (rate <= 0) {
                return readyNanos;
            }
            long start = Math.max(readyNanos, linkFreeNanos);
            linkFreeNanos = start + TimeUnit.SECONDS.toNanos(1) * bytes / rate;
            return linkFreeNanos;
        }

        synchronized void clear() {
            delayNanos = 0;
            jitterNanos = 0;
            blackhole = false;
            bytesPerSecond = 0;
            linkFreeNanos = 0;
        }
    }

    private FaultProxy(String name, int targetPort, ServerSocket server) {
        this.name = name;
        this.targetPort = targetPort;
        this.server = server;
    }

    /** Starts a proxy on {@code listenPort} (0 for any free port) forwarding to 127.0.0.1:{@code targetPort}. */
    static FaultProxy start(String name, int listenPort, int targetPort) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort), 50);
            FaultProxy proxy = new FaultProxy(name, targetPort, server);
            daemon(proxy::acceptLoop, "kafka-sdk-test-proxy-" + name).start();
            return proxy;
        } catch (IOException e) {
            throw new KafkaTestKitException(
                    "Could not start the fault proxy " + name + " on 127.0.0.1:" + listenPort, e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("Fault proxy {} stopped accepting: {}", name, e.toString());
                }
                return;
            }
            accepted.incrementAndGet();
            if (refusing) {
                reset(client);
                continue;
            }
            try {
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
                Link link = new Link(client, upstream);
                links.add(link);
                link.start();
            } catch (IOException e) {
                // the broker is down: the client sees the same refusal a direct connection would
                reset(client);
            }
        }
    }

    /** One proxied connection: client and upstream sockets with a pump each way. */
    private final class Link {
        private final Socket client;
        private final Socket upstream;
        /** Set once bytes of this connection were dropped: its byte stream has a gap and cannot be healed. */
        private volatile boolean broken;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void start() throws IOException {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            pump(client.getInputStream(), upstream.getOutputStream(), toBroker, "to-broker");
            pump(upstream.getInputStream(), client.getOutputStream(), toClient, "to-client");
        }

        private void pump(InputStream in, OutputStream out, DirectionFaults faults, String direction) {
            BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
            String thread = "kafka-sdk-test-proxy-" + name + "-" + direction;
            daemon(() -> read(in, queue, faults), thread + "-read").start();
            daemon(() -> write(out, queue), thread + "-write").start();
        }

        private void read(InputStream in, BlockingQueue<Chunk> queue, DirectionFaults faults) {
            byte[] buffer = new byte[BUFFER];
            long lastDue = 0;
            try {
                while (true) {
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    if (faults.blackhole) {
                        broken = true;
                        continue;
                    }
                    long due = Math.max(lastDue, faults.carried(System.nanoTime(), n) + faults.nextDelayNanos());
                    lastDue = due;
                    queue.add(new Chunk(Arrays.copyOf(buffer, n), due));
                }
            } catch (IOException e) {
                // the socket was closed or reset; the writer ends on the poison chunk
            }
            queue.add(Chunk.END);
            close();
        }

        private void write(OutputStream out, BlockingQueue<Chunk> queue) {
            try {
                while (true) {
                    Chunk chunk = queue.take();
                    if (chunk == Chunk.END) {
                        break;
                    }
                    long wait = chunk.dueNanos() - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // closed or reset
            }
            close();
        }

        void reset() {
            FaultProxy.reset(client);
            FaultProxy.reset(upstream);
            links.remove(this);
        }

        void close() {
            closeQuietly(client);
            closeQuietly(upstream);
            links.remove(this);
        }
    }

    private record Chunk(byte[] bytes, long dueNanos) {
        static final Chunk END = new Chunk(new byte[0], 0);
    }

    @Override
    public void latency(Direction direction, Duration delay, Duration jitter) {
        if (delay.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException(
                    "latency delay=" + delay + ", jitter=" + jitter + ": must be zero or more");
        }
        for (DirectionFaults faults : of(direction)) {
            faults.delayNanos = delay.toNanos();
            faults.jitterNanos = jitter.toNanos();
        }
        LOG.info(
                "Fault proxy {}: latency {} ms + up to {} ms {}", name, delay.toMillis(), jitter.toMillis(), direction);
    }

    @Override
    public void bandwidth(Direction direction, long bytesPerSecond) {
        if (bytesPerSecond < 1024) {
            throw new IllegalArgumentException(
                    "bandwidth bytesPerSecond=" + bytesPerSecond + ": must be at least 1024 (1 KiB/s)");
        }
        for (DirectionFaults faults : of(direction)) {
            faults.bytesPerSecond = bytesPerSecond;
        }
        LOG.info("Fault proxy {}: bandwidth {} bytes/s {}", name, bytesPerSecond, direction);
    }

    @Override
    public void blackhole(Direction direction) {
        for (DirectionFaults faults : of(direction)) {
            faults.blackhole = true;
        }
        LOG.info("Fault proxy {}: black hole {}", name, direction);
    }

    @Override
    public void refuseConnections() {
        refusing = true;
        LOG.info("Fault proxy {}: refusing new connections", name);
    }

    @Override
    public void resetConnections() {
        links.forEach(Link::reset);
        LOG.info("Fault proxy {}: reset open connections", name);
    }

    @Override
    public void heal() {
        toBroker.clear();
        toClient.clear();
        refusing = false;
        // a connection that lost bytes would resume mid-frame; a real partition that long ends it
        links.stream().filter(link -> link.broken).forEach(Link::reset);
        LOG.info("Fault proxy {}: healed", name);
    }

    @Override
    public long acceptedConnections() {
        return accepted.get();
    }

    private DirectionFaults[] of(Direction direction) {
        switch (direction) {
            case TO_BROKER:
                return new DirectionFaults[] {toBroker};
            case TO_CLIENT:
                return new DirectionFaults[] {toClient};
            default:
                return new DirectionFaults[] {toBroker, toClient};
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        links.forEach(Link::close);
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // already closed
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // nothing left to do
        }
    }

    private static Thread daemon(Runnable task, String threadName) {
        Thread thread = new Thread(task, threadName);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public String toString() {
        return "FaultProxy{" + name + ", 127.0.0.1:" + port() + " -> 127.0.0.1:" + targetPort + '}';
    }
}
