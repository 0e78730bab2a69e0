package io.gatehouse.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The test Redis on 127.0.0.1 (port 6379, or GATEHOUSE_TEST_REDIS_PORT). Redis is required: when it does not answer,
 * {@link #require()} fails the test instead of skipping it. Tests put their keys under a {@link #uniquePrefix()}.
 */
public final class TestRedis {

    public static final int PORT = Integer.parseInt(env("GATEHOUSE_TEST_REDIS_PORT", "6379"));

    private TestRedis() {
    }

    public static String url() {
        return "redis://127.0.0.1:" + PORT;
    }

    /** A key prefix of its own for one test run, so runs never see each other's counters. */
    public static String uniquePrefix() {
        return "gatehouse-test:" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    /** Fails unless Redis answers PING on 127.0.0.1. */
    public static void require() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 2000);
            socket.setSoTimeout(2000);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int read = in.readNBytes(reply, 0, reply.length);
            if (!"+PONG\r\n".equals(new String(reply, 0, read, StandardCharsets.US_ASCII))) {
                throw new IllegalStateException("no PONG from 127.0.0.1:" + PORT);
            }
        } catch (IOException | IllegalStateException e) {
            throw new IllegalStateException("Redis is required for this test and does not answer at 127.0.0.1:" + PORT
                    + " (set GATEHOUSE_TEST_REDIS_PORT): " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
