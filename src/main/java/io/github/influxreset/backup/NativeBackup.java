package io.github.influxreset.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Where influxd 1.x serves its backup (RPC) protocol, read from the container's environment. */
final class NativeBackup {
    static final int DEFAULT_RPC_PORT = 8088;

    private NativeBackup() {
    }

    /** The port of {@code INFLUXDB_BIND_ADDRESS} in the inspect document, else 8088. */
    static int rpcPort(String inspectJson) {
        try {
            JsonNode env = new ObjectMapper().readTree(inspectJson).path("Config").path("Env");
            for (JsonNode variable : env) {
                String text = variable.asText();
                if (text.startsWith("INFLUXDB_BIND_ADDRESS=")) {
                    return Integer.parseInt(text.substring(text.lastIndexOf(':') + 1));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return DEFAULT_RPC_PORT;
        }
        return DEFAULT_RPC_PORT;
    }
}
