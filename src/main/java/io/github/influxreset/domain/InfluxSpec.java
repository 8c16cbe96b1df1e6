package io.github.influxreset.domain;

import java.util.List;

/**
 * How to reach InfluxDB. Version 2 uses the org and token, version 1 the optional username and
 * password; {@code setupUsername}/{@code setupPassword} create the first user after a full reset.
 */
public record InfluxSpec(int version, String service, String url, String org, Secret token,
                         String username, Secret password, String setupUsername,
                         Secret setupPassword) {
    public boolean isV1() {
        return version == 1;
    }

    public List<Secret> secrets() {
        return List.of(token, password, setupPassword);
    }
}
