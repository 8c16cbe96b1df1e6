package io.github.influxreset.influx;

import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.influx.v2.InfluxV2Adapter;
import io.github.influxreset.testing.Influxd2Process;

/**
 * The 2.x scenarios against a real InfluxDB 2.7.12 started as a process (one fresh server per test).
 * Buckets are made and points counted through the adapter's own calls, which the scenarios test.
 */
class InfluxV2ServerIT extends InfluxV2Scenarios {
    @Override
    Server fresh() {
        return wrap(new Influxd2Process(dir.resolve("influxd")), null);
    }

    @Override
    Server setUp(String org, String token) {
        return wrap(new Influxd2Process(dir.resolve("influxd")).setUp(org, "initial", token), org);
    }

    /**
     * The set's native backup of a real server is restored by the official {@code influx restore}
     * into a second, fresh server, which then holds every point (and the first server's token).
     */
    @org.junit.jupiter.api.Test
    void theNativeBackupIsRestoredByTheOfficialClientWithEveryPoint() throws Exception {
        server = setUp("homeiq", TOKEN);
        var profile = profile(server.url(), TOKEN, "homeiq");
        long now = System.currentTimeMillis() * 1_000_000L;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            lines.append("home_assistant_events,entity_id=e").append(i % 9).append(" normalized_value=").append(i)
                    .append(" ").append(now - i * 60_000_000_000L).append('\n');
        }
        java.nio.file.Path backup = java.nio.file.Files.createDirectories(dir.resolve("native"));
        try (InfluxV2Adapter influx = new InfluxV2Adapter(profile.influx())) {
            influx.createBucket(new BucketSpec("home_assistant_events", Retention.INFINITE));
            influx.write("home_assistant_events", lines.toString());
            org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.empty(), influx.nativeBackupProblem());
            influx.writeNativeBackup(backup);
        }
        try (Influxd2Process second = new Influxd2Process(dir.resolve("second")).setUp("other", "first", "second-token")) {
            Process restore = new ProcessBuilder(Influxd2Process.cli().toString(), "restore", "--full", "--host", second.url(),
                    "--token", "second-token", backup.toString()).redirectErrorStream(true).start();
            String output = new String(restore.getInputStream().readAllBytes());
            org.junit.jupiter.api.Assertions.assertEquals(0, restore.waitFor(), output);
            try (InfluxV2Adapter restored = new InfluxV2Adapter(profile(second.url(), TOKEN, "homeiq").influx())) {
                org.junit.jupiter.api.Assertions.assertEquals(java.util.Map.of("home_assistant_events", 5000L),
                        restored.countPoints("home_assistant_events"), "every point, read with the first server's token");
            }
        }
    }

    /** The product's own restore reads the same layout: the server comes back whole, as it was. */
    @org.junit.jupiter.api.Test
    void theNativeBackupIsRestoredWholeByTheProductToo() throws Exception {
        server = setUp("homeiq", TOKEN);
        var profile = profile(server.url(), TOKEN, "homeiq");
        long now = System.currentTimeMillis() * 1_000_000L;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            lines.append("home_assistant_events,entity_id=e").append(i % 5).append(" normalized_value=").append(i)
                    .append(" ").append(now - i * 60_000_000_000L).append('\n');
        }
        java.nio.file.Path backup = java.nio.file.Files.createDirectories(dir.resolve("native"));
        try (InfluxV2Adapter influx = new InfluxV2Adapter(profile.influx())) {
            influx.createBucket(new BucketSpec("home_assistant_events", Retention.INFINITE));
            influx.write("home_assistant_events", lines.toString());
            influx.writeNativeBackup(backup);
            influx.deleteBucket("home_assistant_events");
            influx.createBucket(new BucketSpec("made_later", Retention.INFINITE));
            influx.write("made_later", "m,t=x v=1 " + now + "\n");

            influx.restoreNativeBackup(backup);

            org.junit.jupiter.api.Assertions.assertEquals(java.util.Map.of("home_assistant_events", 3000L),
                    influx.countPoints("home_assistant_events"));
            org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("home_assistant_events", "initial"),
                    influx.buckets().stream().map(BucketSpec::name).sorted().toList(), "the server as it was, whole");
        }
    }

    @org.junit.jupiter.api.Test
    void aTokenThatIsNotTheOperatorsIsToldAndTakesNoNativeBackup() throws Exception {
        server = setUp("homeiq", TOKEN);
        String limited = allAccessTokenOfTheOrg();
        try (InfluxV2Adapter influx = new InfluxV2Adapter(profile(server.url(), limited, "homeiq").influx())) {
            String problem = influx.nativeBackupProblem().orElseThrow();
            org.junit.jupiter.api.Assertions.assertTrue(problem.contains("operator token"), problem);
        }
    }

    /** An all-access token of the org (not the operator's), made over the API as a user would in the UI. */
    private String allAccessTokenOfTheOrg() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        String orgs = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "/api/v2/orgs"))
                .header("Authorization", "Token " + TOKEN).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        String orgId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(orgs).path("orgs").get(0).path("id").asText();
        StringBuilder permissions = new StringBuilder();
        for (String type : java.util.List.of("buckets", "orgs")) {
            for (String action : java.util.List.of("read", "write")) {
                permissions.append(permissions.length() == 0 ? "" : ",").append("{\"action\":\"").append(action)
                        .append("\",\"resource\":{\"type\":\"").append(type).append("\",\"orgID\":\"").append(orgId).append("\"}}");
            }
        }
        String body = "{\"orgID\":\"" + orgId + "\",\"permissions\":[" + permissions + "]}";
        String created = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "/api/v2/authorizations"))
                .header("Authorization", "Token " + TOKEN).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(created).path("token").asText();
    }

    private Server wrap(Influxd2Process process, String org) {
        return new Server() {
            public String url() {
                return process.url();
            }

            public String version() {
                return "v2.7.12";
            }

            public void createBucket(String name, long everySeconds) {
                try (InfluxV2Adapter influx = adapter()) {
                    influx.createBucket(new BucketSpec(name, Retention.ofSeconds(everySeconds)));
                }
            }

            public long points(String bucket) {
                try (InfluxV2Adapter influx = adapter()) {
                    return influx.countPoints(bucket).values().stream().mapToLong(Long::longValue).sum();
                }
            }

            private InfluxV2Adapter adapter() {
                try {
                    return new InfluxV2Adapter(profile(process.url(), TOKEN, org).influx());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            public void close() {
                process.close();
            }
        };
    }
}
