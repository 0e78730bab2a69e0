import java.net.URI;

import io.undertow.Undertow;
import io.undertow.server.handlers.ResponseCodeHandler;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import io.undertow.server.handlers.proxy.ProxyHandler;

/**
 * The stack's own ceiling, for bench/gateway.sh: Undertow's ProxyHandler and LoadBalancingProxyClient alone, with the
 * gateway's pool sizes, timeout and IO threads, and nothing else (no key, no limits, no analytics, no metrics).
 *
 *   java -cp 'gateway libs/*' bench/UndertowProxy.java PORT UPSTREAM_URL IO_THREADS
 */
public class UndertowProxy {

    public static void main(String[] args) throws Exception {
        LoadBalancingProxyClient client = new LoadBalancingProxyClient();
        client.setConnectionsPerThread(64);
        client.setSoftMaxConnectionsPerThread(32);
        client.setMaxQueueSize(64 * 16);
        client.setTtl(60_000);
        client.addHost(new URI(args[1]));
        ProxyHandler proxy = ProxyHandler.builder().setProxyClient(client).setMaxRequestTime(30_000)
                .setNext(ResponseCodeHandler.HANDLE_404).setRewriteHostHeader(true).build();
        Undertow.builder().setIoThreads(Integer.parseInt(args[2]))
                .addHttpListener(Integer.parseInt(args[0]), "127.0.0.1").setHandler(proxy)
                .build().start();
    }
}
