package io.github.influxreset.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineProtocolTest {
    @Test
    void escapesSpecialCharactersAndTypesFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("s", "say \"hi\"");
        fields.put("i", 3L);
        fields.put("f", 1.5d);
        fields.put("b", true);
        String line = LineProtocol.point("my m,eas", Map.of("area id", "living=room"), fields, 42);
        assertEquals("my\\ m\\,eas,area\\ id=living\\=room s=\"say \\\"hi\\\"\",i=3i,f=1.5,b=true 42", line);
    }
}
