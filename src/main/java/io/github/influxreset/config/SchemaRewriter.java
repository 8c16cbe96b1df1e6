package io.github.influxreset.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.influxreset.domain.MeasurementSchema;
import io.github.influxreset.domain.ResetException;
import java.util.List;

/**
 * A profile's text with its {@code schema:} replaced, everything else kept as written (variables
 * such as {@code ${INFLUXDB_TOKEN}} included, so no secret is ever written out; comments are not kept).
 */
public final class SchemaRewriter {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();

    private SchemaRewriter() {
    }

    public static String withSchema(String profileText, List<MeasurementSchema> schema) {
        try {
            ObjectNode root = (ObjectNode) YAML.readTree(profileText);
            ArrayNode measurements = root.putArray("schema");
            for (MeasurementSchema m : schema) {
                ObjectNode node = measurements.addObject();
                node.put("measurement", m.measurement());
                node.put("bucket", m.bucket());
                ArrayNode tags = node.putArray("tags");
                m.tags().forEach(tags::add);
                m.tagPatterns().forEach(p -> tags.add(p.glob()));
                ObjectNode fields = node.putObject("fields");
                m.fields().forEach((key, type) -> fields.put(key, type.yamlName()));
                m.fieldPatterns().forEach(p -> fields.put(p.glob(), p.typeName()));
            }
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException | ClassCastException e) {
            throw ResetException.badInput("The profile could not be read back to rewrite its schema: " + e.getMessage() + ".",
                    "Check the profile with 'profile show'.");
        }
    }
}
