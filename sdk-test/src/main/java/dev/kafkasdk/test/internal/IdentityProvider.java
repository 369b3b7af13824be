package dev.kafkasdk.test.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kafkasdk.test.ClusterSecurity;
import dev.kafkasdk.test.KafkaTestKitException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A minimal OAuth 2 identity provider on 127.0.0.1 for OAUTHBEARER test clusters, on the JDK's HTTP
 * server: {@code POST /token} answers the client-credentials grant (HTTP Basic client id and
 * secret, checked against the kit's users) with an RS256 JWT whose {@code sub} is the client id,
 * and {@code GET /jwks} publishes the signing key. Thread-safe; {@link #close()} stops it.
 */
final class IdentityProvider implements AutoCloseable {

    static final String AUDIENCE = "kafka";
    static final String ISSUER = "kafka-sdk-test-idp";
    private static final String KEY_ID = "kafka-sdk-test-key";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final HttpServer server;
    private final ExecutorService executor;
    private final KeyPair keys;
    private final Function<String, String> passwords;
    private final Duration tokenLifetime;
    private final AtomicLong issued = new AtomicLong();
    private final Map<String, ClusterSecurity.TokenFault> faults = new ConcurrentHashMap<>();
    /** Signs {@link ClusterSecurity.TokenFault#BAD_SIGNATURE} tokens: a key the JWKS does not publish. */
    private final KeyPair wrongKeys;

    private IdentityProvider(
            HttpServer server,
            ExecutorService executor,
            KeyPair keys,
            Function<String, String> passwords,
            Duration tokenLifetime,
            KeyPair wrongKeys) {
        this.server = server;
        this.executor = executor;
        this.keys = keys;
        this.passwords = passwords;
        this.tokenLifetime = tokenLifetime;
        this.wrongKeys = wrongKeys;
    }

    /**
     * Starts the provider on a free loopback port.
     *
     * @param passwords     the secret of a client id, or {@code null} for an unknown one
     * @param tokenLifetime how long issued tokens are valid
     */
    static IdentityProvider start(Function<String, String> passwords, Duration tokenLifetime) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "kafka-sdk-test-idp");
                thread.setDaemon(true);
                return thread;
            });
            IdentityProvider idp = new IdentityProvider(
                    server,
                    executor,
                    generator.generateKeyPair(),
                    passwords,
                    tokenLifetime,
                    generator.generateKeyPair());
            server.createContext("/token", idp::token);
            server.createContext("/jwks", idp::jwks);
            server.setExecutor(executor);
            server.start();
            return idp;
        } catch (IOException | GeneralSecurityException e) {
            throw new KafkaTestKitException("Could not start the test identity provider", e);
        }
    }

    String tokenEndpointUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    String jwksEndpointUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    long issuedTokens() {
        return issued.get();
    }

    void fault(String user, ClusterSecurity.TokenFault fault) {
        faults.put(user, fault);
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            String clientId = null;
            String secret = null;
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null && authorization.startsWith("Basic ")) {
                String decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                    secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
                }
            }
            String expected = clientId == null ? null : passwords.apply(clientId);
            if (expected == null || !expected.equals(secret)) {
                respond(exchange, 401, "{\"error\":\"invalid_client\"}");
                return;
            }
            String jwt = sign(clientId);
            issued.incrementAndGet();
            respond(
                    exchange,
                    200,
                    "{\"access_token\":\"" + jwt + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                            + tokenLifetime.toSeconds() + "}");
        }
    }

    private void jwks(HttpExchange exchange) throws IOException {
        try (exchange) {
            RSAPublicKey key = (RSAPublicKey) keys.getPublic();
            respond(
                    exchange,
                    200,
                    "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID
                            + "\",\"n\":\"" + unsigned(key.getModulus()) + "\",\"e\":\""
                            + unsigned(key.getPublicExponent())
                            + "\"}]}");
        }
    }

    private String sign(String subject) {
        ClusterSecurity.TokenFault fault = faults.getOrDefault(subject, ClusterSecurity.TokenFault.NONE);
        Instant now = fault == ClusterSecurity.TokenFault.EXPIRED
                ? Instant.now().minus(tokenLifetime).minusSeconds(60)
                : Instant.now();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}";
        String claims = json(Map.of("sub", subject, "iss", ISSUER, "aud", AUDIENCE, "scope", "kafka")) + ",\"iat\":"
                + now.getEpochSecond() + ",\"exp\":" + now.plus(tokenLifetime).getEpochSecond() + "}";
        String signingInput = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(
                    fault == ClusterSecurity.TokenFault.BAD_SIGNATURE ? wrongKeys.getPrivate() : keys.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new KafkaTestKitException("Could not sign a test token", e);
        }
    }

    /** The string claims as the start of a JSON object, without the closing brace. */
    private static String json(Map<String, String> claims) {
        StringBuilder json = new StringBuilder("{");
        claims.forEach((k, v) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"')
                    .append(k)
                    .append("\":\"")
                    .append(v.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        });
        return json.toString();
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return B64.encodeToString(bytes);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
