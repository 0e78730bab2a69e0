package io.gatehouse.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A TCP proxy on 127.0.0.1 in front of a loopback service (a database, Redis), for fault tests: it forwards bytes
 * both ways until told to {@link #cut()} (open connections are reset, new ones reset on accept), {@link #hang()}
 * (connections stay open but bytes wait, as with a stalled server) or {@link #delay(Duration)} each chunk;
 * {@link #restore()} forwards normally again, waiting bytes included. Only loopback targets are accepted.
 */
public final class TcpFaultProxy implements AutoCloseable {

    private enum Mode {
        FORWARD,
        CUT,
        HANG
    }

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile Mode mode = Mode.FORWARD;
    private volatile long delayNanos;
    private volatile boolean closed;

    private TcpFaultProxy(InetSocketAddress target) throws IOException {
        if (!target.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("fault proxies only forward to loopback addresses, not " + target);
        }
        this.target = target;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fault-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy on a free port of 127.0.0.1 forwarding to {@code 127.0.0.1:targetPort}. */
    public static TcpFaultProxy to(int targetPort) {
        try {
            return new TcpFaultProxy(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a fault proxy", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far, reset ones included. */
    public int connectionsAccepted() {
        return accepted.get();
    }

    /** Resets every open connection and every new one, as a stopped server would. */
    public void cut() {
        setMode(Mode.CUT);
        for (Socket socket : sockets) {
            reset(socket);
        }
    }

    /** Keeps connections open but forwards nothing: bytes wait until {@link #restore()}. */
    public void hang() {
        setMode(Mode.HANG);
    }

    /** Forwards each chunk of bytes only after {@code delay}. */
    public void delay(Duration delay) {
        delayNanos = delay.toNanos();
        setMode(Mode.FORWARD);
    }

    /** Forwards normally again, without delay. */
    public void restore() {
        delayNanos = 0;
        setMode(Mode.FORWARD);
    }

    private void setMode(Mode next) {
        lock.lock();
        try {
            mode = next;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            if (mode == Mode.CUT) {
                reset(client);
                continue;
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(target, 2000);
            } catch (IOException e) {
                reset(client);
                continue;
            }
            sockets.add(client);
            sockets.add(upstream);
            pump(client, upstream, "up");
            pump(upstream, client, "down");
        }
    }

    private void pump(Socket from, Socket to, String direction) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (!holdWhileHanging() || mode == Mode.CUT) {
                        break;
                    }
                    long delay = delayNanos;
                    if (delay > 0) {
                        waitFor(delay);
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side went away, or the proxy cut the connection
            } finally {
                reset(from);
                reset(to);
            }
        }, "fault-proxy-" + port() + "-" + direction);
        thread.setDaemon(true);
        thread.start();
    }

    /** Blocks while the proxy hangs; false when it was closed meanwhile. */
    private boolean holdWhileHanging() {
        lock.lock();
        try {
            while (mode == Mode.HANG && !closed) {
                changed.await(100, TimeUnit.MILLISECONDS);
            }
            return !closed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void waitFor(long nanos) {
        lock.lock();
        try {
            long left = nanos;
            while (left > 0 && !closed) {
                left = changed.awaitNanos(left);
                if (delayNanos == 0) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void reset(Socket socket) {
        sockets.remove(socket);
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // already closed
        }
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        setMode(Mode.FORWARD);
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        for (Socket socket : sockets) {
            reset(socket);
        }
    }
}
