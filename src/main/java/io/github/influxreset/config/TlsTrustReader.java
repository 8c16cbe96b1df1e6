package io.github.influxreset.config;

import io.github.influxreset.domain.TlsTrust;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads how an {@code https://} InfluxDB is trusted: {@code caFile} (the home's own CA, a PEM file)
 * or, set on purpose, {@code insecureSkipVerify: true}; never both.
 */
final class TlsTrustReader {
    private TlsTrustReader() {
    }

    static TlsTrust read(YamlNode influx, String url, Function<String, Path> expand) {
        YamlNode caNode = influx.get("caFile");
        YamlNode skipNode = influx.get("insecureSkipVerify");
        Optional<Path> caFile = caNode.isMissing() ? Optional.empty() : Optional.of(expand.apply(caNode.text()));
        boolean skip = switch (skipNode.text("false")) {
            case "true" -> true;
            case "false" -> false;
            default -> throw skipNode.error("must be true or false, not '" + skipNode.text() + "'");
        };
        if (caFile.isPresent() && skip) {
            throw skipNode.error("cannot be true beside caFile: with the CA, the certificate can be checked; remove one");
        }
        if (caFile.isPresent() && !Files.isReadable(caFile.get())) {
            throw caNode.error("names " + caFile.get() + ", which cannot be read; give the PEM file of the CA that signed "
                    + "InfluxDB's certificate");
        }
        if ((caFile.isPresent() || skip) && !url.startsWith("https://")) {
            throw (caFile.isPresent() ? caNode : skipNode).error("is for an https:// URL, and the URL is " + url);
        }
        return new TlsTrust(caFile, skip);
    }

    /** The warning a profile that skips verification gets in every check: never silent. */
    static Optional<String> warning(String what, String url, TlsTrust trust) {
        return trust.skipVerify() ? Optional.of(what + ".insecureSkipVerify is true: the certificate of " + url + " is not "
                + "checked, so a machine posing as it would get the token. Give its CA as " + what + ".caFile instead")
                : Optional.empty();
    }
}
