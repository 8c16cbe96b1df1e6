package io.github.influxreset.influx.v1;

/** Quoting for InfluxQL identifiers and string literals. */
final class InfluxQl {
    private InfluxQl() {
    }

    static String ident(String name) {
        return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static String literal(String value) {
        return '\'' + value.replace("\\", "\\\\").replace("'", "\\'") + '\'';
    }
}
