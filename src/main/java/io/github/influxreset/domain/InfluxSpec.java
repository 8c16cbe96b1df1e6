package io.github.influxreset.domain;

import java.util.List;

/**
 * How to reach InfluxDB. Version 2 uses the org and token, version 1 the optional username and
 * password; {@code setupUsername}/{@code setupPassword} create the first user after a full reset.
 *
 * @param tls which certificates an {@code https://} server may show
 */
public record InfluxSpec(int version, String service, String url, String org, Secret token,
                         String username, Secret password, String setupUsername,
                         Secret setupPassword, TlsTrust tls) {
    /** A server reached over plain HTTP, or HTTPS with the system's trusted authorities. */
    public InfluxSpec(int version, String service, String url, String org, Secret token, String username, Secret password,
                      String setupUsername, Secret setupPassword) {
        this(version, service, url, org, token, username, password, setupUsername, setupPassword, TlsTrust.SYSTEM);
    }

    public boolean isV1() {
        return version == 1;
    }

    public List<Secret> secrets() {
        return List.of(token, password, setupPassword);
    }
}
