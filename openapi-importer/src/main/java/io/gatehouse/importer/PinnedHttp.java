package io.gatehouse.importer;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 request over a socket connected to an address the caller has already checked. The JDK's clients
 * resolve the host name again when they connect, which would let a DNS answer change between the check and the
 * connection (DNS rebinding); here no name is ever looked up. For https the TLS handshake runs over that same socket,
 * with the URL's host name sent as SNI and verified against the server's certificate, so pinning holds for https as
 * well. No proxy is used, and redirects are the caller's business.
 */
final class PinnedHttp {

    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_HEADERS = 100;

    /** A response: the body is read only for a 2xx status, and only when asked for. */
    record Response(int status, String reason, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** What to send: the method, header fields beyond Host and Connection, and a body (empty for none). */
    record Request(String method, Map<String, String> headers, byte[] body) {
    }

    /** Thrown when the body passes the size limit; reading stops there. */
    static final class TooLarge extends IOException {

        TooLarge() {
            super("too large");
        }
    }

    /** The GET that fetches an OpenAPI document. */
    static final Request GET_DOCUMENT = new Request("GET", Map.of(
            "User-Agent", "Gatehouse-OpenAPI-Importer",
            "Accept", "application/yaml, application/json, text/yaml, text/plain;q=0.9, */*;q=0.8",
            "Accept-Encoding", "gzip, identity"), new byte[0]);

    private PinnedHttp() {
    }

    /**
     * Sends {@code request} and reads the status line and header fields; the body of a 2xx answer is read up to
     * {@code maxBodyBytes}, and not at all when that is 0.
     */
    static Response exchange(URI uri, InetAddress address, Deadline deadline, java.time.Duration connectTimeout,
            Request request, int maxBodyBytes) throws IOException {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        String host = bareHost(uri);
        Socket socket = new Socket(Proxy.NO_PROXY);
        try {
            int connectMillis = (int) Math.min(connectTimeout.toMillis(), deadline.remainingMillis());
            if (connectMillis <= 0) {
                throw new SocketTimeoutException("no time left to connect");
            }
            socket.connect(new InetSocketAddress(address, port), connectMillis);
            if (https) {
                socket = startTls(socket, host, port, deadline);
            }
            socket.setSoTimeout(deadline.remainingMillisAtLeastOne());
            send(socket.getOutputStream(), uri, host, port, https, request);
            InputStream in = new DeadlineInputStream(socket, socket.getInputStream(), deadline);
            return read(new java.io.BufferedInputStream(in), maxBodyBytes);
        } finally {
            socket.close();
        }
    }

    private static Socket startTls(Socket plain, String host, int port, Deadline deadline) throws IOException {
        SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, host, port,
                true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (AllowList.literal(host) == null) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        tls.setSSLParameters(parameters);
        tls.setSoTimeout(deadline.remainingMillisAtLeastOne());
        tls.startHandshake();
        return tls;
    }

    private static void send(OutputStream out, URI uri, String host, int port, boolean https, Request request)
            throws IOException {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        String hostHeader = (host.contains(":") ? "[" + host + "]" : host)
                + (port == (https ? 443 : 80) ? "" : ":" + port);
        StringBuilder head = new StringBuilder(request.method()).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\n");
        new java.util.TreeMap<>(request.headers()).forEach((name, value) -> head.append(name).append(": ")
                .append(value).append("\r\n"));
        if (request.body().length > 0 || !request.method().equals("GET")) {
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(request.body());
        out.flush();
    }

    private static Response read(InputStream in, int maxBytes) throws IOException {
        int[] headerBytes = {0};
        String statusLine = line(in, headerBytes);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("the server did not answer in HTTP/1.x");
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("the server sent an unreadable status line");
        }
        Map<String, String> headers = new HashMap<>();
        for (String header = line(in, headerBytes); !header.isEmpty(); header = line(in, headerBytes)) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                if (headers.size() >= MAX_HEADERS) {
                    throw new IOException("the server sent too many headers");
                }
                headers.merge(header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).strip(), (a, b) -> a + ", " + b);
            }
        }
        Response response = new Response(status, parts.length > 2 ? parts[2] : "", Map.copyOf(headers), null);
        if (status < 200 || status > 299 || maxBytes == 0) {
            return response;
        }
        return new Response(status, response.reason(), response.headers(), body(in, response, maxBytes));
    }

    private static byte[] body(InputStream in, Response response, int maxBytes) throws IOException {
        String length = response.header("content-length");
        String transfer = response.header("transfer-encoding");
        InputStream body;
        if (transfer != null && transfer.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = new ChunkedInputStream(in);
        } else if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                throw new IOException("the server sent an unreadable Content-Length");
            }
            if (declared > maxBytes) {
                throw new TooLarge();
            }
            body = new LimitedInputStream(in, declared);
        } else {
            body = in;
        }
        String encoding = response.header("content-encoding");
        if (encoding != null && encoding.strip().equalsIgnoreCase("gzip")) {
            // The limit applies to the compressed bytes read and again to the bytes they expand to.
            body = new GZIPInputStream(new CappedInputStream(body, maxBytes));
        } else if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            throw new IOException("the server sent the document in an encoding it was not asked for (" + encoding
                    + ")");
        }
        return new CappedInputStream(body, maxBytes).readAllBytes();
    }

    private static String line(InputStream in, int[] headerBytes) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (++headerBytes[0] > MAX_HEADER_BYTES) {
                throw new IOException("the server sent more than 64 KB of headers");
            }
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1 && line.size() == 0) {
            throw new IOException("the server closed the connection without an answer");
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    static String bareHost(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The moment a whole fetch must be over. */
    record Deadline(long nanos) {

        static Deadline in(java.time.Duration duration) {
            return new Deadline(System.nanoTime() + duration.toNanos());
        }

        long remainingMillis() {
            return (nanos - System.nanoTime()) / 1_000_000;
        }

        int remainingMillisAtLeastOne() {
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, remainingMillis()));
        }
    }

    /** Gives each read only the time left before the deadline, so a server sending a byte at a time cannot stall. */
    private static final class DeadlineInputStream extends FilterInputStream {

        private final Socket socket;
        private final Deadline deadline;

        DeadlineInputStream(Socket socket, InputStream in, Deadline deadline) {
            super(in);
            this.socket = socket;
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            arm();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            arm();
            return super.read(b, off, len);
        }

        private void arm() throws IOException {
            if (deadline.remainingMillis() <= 0) {
                throw new SocketTimeoutException("the time for the whole fetch is up");
            }
            socket.setSoTimeout(deadline.remainingMillisAtLeastOne());
        }
    }

    /** Fails with {@link TooLarge} once more than the limit has been read. */
    private static final class CappedInputStream extends FilterInputStream {

        private final long limit;
        private long count;

        CappedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > limit) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, (int) Math.min(len, limit - count + 1));
            if (n > 0 && (count += n) > limit) {
                throw new TooLarge();
            }
            return n;
        }
    }

    /** Exactly the declared number of bytes; fewer is an error. */
    private static final class LimitedInputStream extends FilterInputStream {

        private long left;

        LimitedInputStream(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b < 0) {
                throw new IOException("the server closed the connection before the whole document was sent");
            }
            left--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new IOException("the server closed the connection before the whole document was sent");
            }
            left -= n;
            return n;
        }
    }

    /** HTTP/1.1 chunked transfer coding; trailers are skipped. */
    private static final class ChunkedInputStream extends InputStream {

        private final InputStream in;
        private long leftInChunk;
        private boolean done;

        ChunkedInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (leftInChunk == 0) {
                leftInChunk = nextChunkSize();
                if (leftInChunk == 0) {
                    done = true;
                    skipTrailers();
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, leftInChunk));
            if (n < 0) {
                throw new IOException("the server closed the connection in the middle of a chunk");
            }
            leftInChunk -= n;
            if (leftInChunk == 0) {
                line(in, new int[] {0}); // the CRLF after the chunk's data
            }
            return n;
        }

        private void skipTrailers() {
            try {
                int[] trailerBytes = {0};
                while (!line(in, trailerBytes).isEmpty()) {
                    // trailer fields carry nothing the importer needs
                }
            } catch (IOException e) {
                // the document is complete; a connection closed without the final empty line does not change that
            }
        }

        private long nextChunkSize() throws IOException {
            String size = line(in, new int[] {0});
            int extension = size.indexOf(';');
            try {
                long parsed = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).strip(), 16);
                if (parsed < 0) {
                    throw new NumberFormatException();
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new IOException("the server sent an unreadable chunk size");
            }
        }
    }
}
