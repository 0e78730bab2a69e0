package io.gatehouse.portal.catalog;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.gatehouse.portal.PortalProperties;

/**
 * Sends a consumer's Try it request to the gateway and reads the answer: only ever to the configured gateway base
 * URL ({@link TryItTarget}), with explicit timeouts (5 s to connect, 30 s in all), no redirects followed, and at most
 * {@link #BODY_LIMIT} bytes of body read. The key is sent in the header the gateway reads for the Api and never
 * appears in the result, the curl command or a log.
 */
@Component
class TryItRelay {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(30);
    static final int BODY_LIMIT = 256 * 1024;
    /** Where the gateway reads keys when the Api's document names no apiKey header (the gateway's default). */
    static final String DEFAULT_KEY_HEADER = "X-API-Key";
    /** What the result and the curl command show instead of the key. */
    static final String KEY_PLACEHOLDER = "$API_KEY";

    /**
     * Headers a parameter must not set: they would change where or how the call goes, or (Content-Type) a field of
     * the form sets them.
     */
    static final Set<String> RESERVED_HEADERS = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection", "content-type");

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");
    private static final Pattern SHELL_PLAIN = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\t\\x20-\\x7E\\x80-\\x{10FFFF}]*");
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1,512}");
    /** Below this length a "key" is no secret, and masking it would garble the body. */
    private static final int MASKED_KEY_LENGTH = 8;

    /**
     * One request as the consumer filled it in, with parameter values already in {@code target}.
     *
     * @param headers header parameters, name and value
     * @param body null to send none
     */
    record Call(String method, URI target, String keyHeader, String apiKey, List<Map.Entry<String, String>> headers,
            String contentType, String body) {
    }

    /** @param name as the gateway sent it */
    record Header(String name, String value) {
    }

    /**
     * What the page shows of one try. {@code problem} is set when no answer came (refused, timed out); then
     * {@code status} is 0.
     *
     * @param bodyNote what the body field cannot show: truncation, or that the body is binary
     */
    record Result(int status, String reason, long elapsedMillis, List<Header> headers, String body, boolean truncated,
            String bodyNote, String problem, String curl) {

        static Result refused(String problem, String curl) {
            return new Result(0, "", 0, List.of(), "", false, null, problem, curl);
        }
    }

    private final HttpClient client;
    private final TryItTarget target;
    private final ObjectMapper json = new ObjectMapper();

    TryItRelay(PortalProperties properties) {
        this.target = new TryItTarget(properties.tryItTarget());
        this.client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    TryItTarget target() {
        return target;
    }

    /** The header the gateway reads the key from: the one the Api's apiKey security scheme names, else the default. */
    static String keyHeader(String apiKeyHeader) {
        return apiKeyHeader != null && TOKEN.matcher(apiKeyHeader).matches() ? apiKeyHeader : DEFAULT_KEY_HEADER;
    }

    /** Whether a documented header parameter may be sent as the consumer fills it in. */
    static boolean sendable(String headerName, String keyHeader) {
        return TOKEN.matcher(headerName).matches() && !headerName.equalsIgnoreCase(keyHeader)
                && !RESERVED_HEADERS.contains(headerName.toLowerCase(Locale.ROOT));
    }

    Result send(Call call) {
        String curl = curl(call);
        if (call.apiKey() == null || !PRINTABLE_ASCII.matcher(call.apiKey()).matches()) {
            return Result.refused("Paste the API key of one of your applications: printable characters, no spaces.",
                    curl);
        }
        for (Map.Entry<String, String> header : call.headers()) {
            if (!HEADER_VALUE.matcher(header.getValue()).matches()) {
                return Result.refused("The header " + header.getKey() + " cannot hold line breaks or control characters.",
                        curl);
            }
        }
        if (call.contentType() != null && !call.contentType().isEmpty()
                && !HEADER_VALUE.matcher(call.contentType()).matches()) {
            return Result.refused("The content type cannot hold line breaks or control characters.", curl);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(call.target())
                .timeout(TOTAL_TIMEOUT)
                .header("User-Agent", "Gatehouse-Portal-Try-It")
                .header(call.keyHeader(), call.apiKey())
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
        call.headers().forEach(header -> request.header(header.getKey(), header.getValue()));
        if (call.body() != null && call.contentType() != null && !call.contentType().isEmpty()) {
            request.header("Content-Type", call.contentType());
        }
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<CappedBody.Bytes>> answer = client.sendAsync(request.build(),
                info -> new CappedBody(BODY_LIMIT));
        try {
            HttpResponse<CappedBody.Bytes> response = answer.get(TOTAL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            return result(response, elapsed, call.apiKey(), curl);
        } catch (TimeoutException slow) {
            answer.cancel(true);
            return Result.refused("No complete answer from the gateway within " + TOTAL_TIMEOUT.toSeconds() + " s.",
                    curl);
        } catch (InterruptedException interrupted) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return Result.refused("The request was interrupted.", curl);
        } catch (ExecutionException failed) {
            return Result.refused(describe(failed.getCause()), curl);
        }
    }

    private String describe(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "The gateway at " + target.base() + " did not accept a connection within "
                    + CONNECT_TIMEOUT.toSeconds() + " s.";
        }
        if (failure instanceof HttpTimeoutException) {
            return "No answer from the gateway within " + TOTAL_TIMEOUT.toSeconds() + " s.";
        }
        if (failure instanceof ConnectException) {
            return "The gateway at " + target.base() + " refused the connection.";
        }
        if (failure instanceof IOException) {
            return "The connection to the gateway failed before a complete answer arrived.";
        }
        return "The request could not be sent.";
    }

    private Result result(HttpResponse<CappedBody.Bytes> response, long elapsed, String apiKey, String curl) {
        List<Header> headers = new ArrayList<>();
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                values.forEach(value -> headers.add(new Header(name, mask(value, apiKey))));
            }
        });
        MediaType type = response.headers().firstValue("Content-Type").map(TryItRelay::mediaType).orElse(null);
        CappedBody.Bytes bytes = response.body();
        String body = "";
        String note = bytes.truncated() ? "Only the first " + BODY_LIMIT / 1024 + " KB of the body are shown." : null;
        if (type != null && !textual(type)) {
            note = bytes.bytes().length + (bytes.truncated() ? "+" : "") + " bytes of " + type.getType() + "/"
                    + type.getSubtype() + ", not shown.";
        } else if (bytes.bytes().length > 0) {
            Charset charset = type != null && type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
            body = new String(bytes.bytes(), charset);
            if (!bytes.truncated() && type != null && json(type)) {
                body = pretty(body);
            }
        }
        HttpStatus known = HttpStatus.resolve(response.statusCode());
        return new Result(response.statusCode(), known == null ? "" : known.getReasonPhrase(), elapsed,
                List.copyOf(headers), mask(body, apiKey), bytes.truncated(), note, null, curl);
    }

    /** The key must not come back to the page, even from an upstream that echoes what it is sent. */
    static String mask(String text, String apiKey) {
        return apiKey == null || apiKey.length() < MASKED_KEY_LENGTH ? text : text.replace(apiKey, KEY_PLACEHOLDER);
    }

    private String pretty(String body) {
        try {
            JsonNode tree = json.readTree(body);
            return tree == null ? body : json.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (JsonProcessingException notJson) {
            return body;
        }
    }

    private static MediaType mediaType(String value) {
        try {
            return MediaType.parseMediaType(value);
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static boolean json(MediaType type) {
        return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
    }

    private static boolean textual(MediaType type) {
        String subtype = type.getSubtype();
        return type.getType().equals("text") || json(type) || subtype.equals("xml") || subtype.endsWith("+xml")
                || subtype.equals("yaml") || subtype.equals("x-yaml") || subtype.equals("javascript")
                || subtype.equals("x-www-form-urlencoded") || subtype.equals("graphql");
    }

    /** The same request for a shell, with the key left to the {@code API_KEY} variable. */
    static String curl(Call call) {
        StringBuilder curl = new StringBuilder("curl -i");
        if (!call.method().equals("GET")) {
            curl.append(" -X ").append(call.method());
        }
        curl.append(' ').append(quote(call.target().toString()));
        String keyHeader = call.keyHeader() + ": ";
        curl.append(" \\\n  -H ").append(SHELL_PLAIN.matcher(call.keyHeader()).matches()
                ? "\"" + keyHeader + KEY_PLACEHOLDER + "\"" : quote(keyHeader) + "\"" + KEY_PLACEHOLDER + "\"");
        for (Map.Entry<String, String> header : call.headers()) {
            curl.append(" \\\n  -H ").append(quote(header.getKey() + ": " + mask(header.getValue(), call.apiKey())));
        }
        if (call.body() != null) {
            if (call.contentType() != null && !call.contentType().isEmpty()) {
                curl.append(" \\\n  -H ").append(quote("Content-Type: " + call.contentType()));
            }
            curl.append(" \\\n  --data-raw ").append(quote(mask(call.body(), call.apiKey())));
        }
        return curl.toString();
    }

    /** Single-quoted for a POSIX shell: nothing inside is expanded. */
    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
