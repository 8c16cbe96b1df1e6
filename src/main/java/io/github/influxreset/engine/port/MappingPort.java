package io.github.influxreset.engine.port;

import io.github.influxreset.domain.V1Mapping;
import java.util.List;

/**
 * The 1.x-compatible mappings (DBRP) of a 2.x server, which point at a bucket by its id. A 1.x
 * server has none ({@link #NONE}).
 */
public interface MappingPort {
    MappingPort NONE = new MappingPort() {
        @Override
        public List<V1Mapping> onBucket(String bucketId) {
            return List.of();
        }

        @Override
        public void point(V1Mapping mapping, String bucketId) {
            throw new IllegalStateException("a 1.x server has no DBRP mappings to point");
        }
    };

    /** The mappings made onto the bucket with this id; the virtual one 2.x gives every bucket (by its name) is left out. */
    List<V1Mapping> onBucket(String bucketId);

    /**
     * Makes the mapping's database and retention policy lead to the bucket with this id. The server
     * keeps one mapping per database and retention policy, so one leading elsewhere is deleted first;
     * one leading there already is left as it is. Idempotent.
     */
    void point(V1Mapping mapping, String bucketId);
}
