package io.gatehouse.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A listener on 127.0.0.1 that nobody should ever connect to; it counts the connections that were made anyway.
 * Connecting completes in the kernel before the client's connect returns, so a connection made by a finished call
 * is already waiting to be accepted: counting needs no waiting.
 */
public final class Canary implements AutoCloseable {

    private final ServerSocketChannel channel;
    private int accepted;

    public Canary() {
        try {
            channel = ServerSocketChannel.open();
            channel.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
            channel.configureBlocking(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return channel.socket().getLocalPort();
    }

    /** Every connection made so far. */
    public int connections() {
        try {
            for (SocketChannel connection = channel.accept(); connection != null; connection = channel.accept()) {
                accepted++;
                connection.close();
            }
            return accepted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
