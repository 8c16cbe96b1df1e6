package io.github.influxreset.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Waits for an HTTP endpoint on 127.0.0.1 to answer 2xx, polling; fails after the deadline. */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private Http() {
    }

    /** Waits until something accepts TCP connections on the 127.0.0.1 port (a server whose answer this client cannot read). */
    public static void awaitListening(int port, long timeoutMillis) {
        Instant deadline = Instant.now().plusMillis(timeoutMillis);
        while (Instant.now().isBefore(deadline)) {
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException notYet) {
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
            }
        }
        throw new IllegalStateException("nothing listened on 127.0.0.1:" + port + " within " + timeoutMillis + " ms");
    }

    public static void await(String url, long timeoutMillis) {
        Instant deadline = Instant.now().plusMillis(timeoutMillis);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                int status = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    return;
                }
                last = "HTTP " + status;
            } catch (java.io.IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
        throw new IllegalStateException(url + " did not answer within " + timeoutMillis + " ms: " + last);
    }
}
