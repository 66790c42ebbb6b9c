package io.loadrank.webview.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The page's Server-Sent Events: every open page holds one {@code /events} response, and gets an
 * {@code update} event whenever the view took in a ranking or an alert, plus a comment line now
 * and then so that proxies keep the connection. A client that cannot be written to is dropped.
 */
final class EventStream {

    static final int MAX_CLIENTS = 200;

    private final List<HttpExchange> clients = new CopyOnWriteArrayList<>();

    /** Keeps the response open for events; false when too many pages are open already. */
    boolean open(HttpExchange exchange) throws IOException {
        if (clients.size() >= MAX_CLIENTS) {
            return false;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        body.write("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
        body.flush();
        clients.add(exchange);
        return true;
    }

    /** One event to every page; {@code data} is one line of JSON of ours. */
    void send(String event, String data) {
        write("event: " + event + "\ndata: " + data + "\n\n");
    }

    void heartbeat() {
        write(": keep-alive\n\n");
    }

    int clients() {
        return clients.size();
    }

    void closeAll() {
        for (HttpExchange client : clients) {
            client.close();
        }
        clients.clear();
    }

    private void write(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (HttpExchange client : clients) {
            try {
                OutputStream body = client.getResponseBody();
                body.write(bytes);
                body.flush();
            } catch (IOException e) {
                clients.remove(client);
                client.close();
            }
        }
    }
}
