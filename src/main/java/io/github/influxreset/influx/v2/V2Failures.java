package io.github.influxreset.influx.v2;

import com.influxdb.exceptions.InfluxException;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.influx.InfluxErrors;
import io.github.influxreset.influx.TlsFailure;

/** How a failure of the 2.x client library becomes a sentence: refused token, TLS, no answer, or the server's words. */
final class V2Failures {
    private V2Failures() {
    }

    static ResetException of(String url, String what, InfluxException e) {
        int status = e.status();
        if (status == 401 || status == 403) {
            return ResetException.problem("InfluxDB at " + url + " refused the token (HTTP " + status + ").",
                    "Check influx.token in the profile (an all-access or operator token).", e);
        }
        if (status == 0 && TlsFailure.in(e)) {
            return TlsFailure.problem(url, e);
        }
        if (status == 0) {
            return ResetException.problem("InfluxDB does not answer at " + url + ".",
                    "Check that it runs and that influx.url in the profile is right.", e);
        }
        String words = InfluxErrors.readable(e.getMessage());
        return ResetException.problem("InfluxDB could not " + what + " (HTTP " + status + "): " + words + ".",
                what.startsWith("write") ? InfluxErrors.hintForWrite(String.valueOf(e.getMessage()))
                        : "Check the names in the profile and the server's log.", e);
    }
}
