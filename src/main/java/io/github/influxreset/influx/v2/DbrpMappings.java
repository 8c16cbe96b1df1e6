package io.github.influxreset.influx.v2;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.domain.DBRP;
import com.influxdb.client.domain.DBRPCreate;
import com.influxdb.client.domain.DBRPs;
import com.influxdb.client.service.DbrPsService;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.V1Mapping;
import io.github.influxreset.engine.port.MappingPort;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import retrofit2.Call;
import retrofit2.Response;

/**
 * The org's DBRP mappings through {@code /api/v2/dbrps}. The server keeps one mapping per database
 * and retention policy and cannot change a mapping's bucket, so pointing one elsewhere is a delete
 * and a create; the caller journals what it points before, so a crash between the two is mended by
 * pointing again.
 */
final class DbrpMappings implements MappingPort {
    private final InfluxDBClient client;
    private final Supplier<String> orgId;

    DbrpMappings(InfluxDBClient client, Supplier<String> orgId) {
        this.client = client;
        this.orgId = orgId;
    }

    @Override
    public List<V1Mapping> onBucket(String bucketId) {
        return all().stream().filter(m -> m.getBucketID().equals(bucketId) && !isVirtual(m))
                .map(m -> new V1Mapping(m.getDatabase(), m.getRetentionPolicy(), Boolean.TRUE.equals(m.getDefault())))
                .toList();
    }

    @Override
    public void point(V1Mapping mapping, String bucketId) {
        Optional<DBRP> same = all().stream().filter(m -> !isVirtual(m) && m.getDatabase().equals(mapping.database())
                && m.getRetentionPolicy().equals(mapping.retentionPolicy())).findFirst();
        if (same.isPresent() && same.get().getBucketID().equals(bucketId)) {
            return;
        }
        DbrPsService service = client.getService(DbrPsService.class);
        if (same.isPresent()) {
            execute(service.deleteDBRPID(same.get().getId(), null, orgId.get(), null), "delete mapping " + mapping.describe());
        }
        execute(service.postDBRP(new DBRPCreate().orgID(orgId.get()).bucketID(bucketId).database(mapping.database())
                .retentionPolicy(mapping.retentionPolicy())._default(mapping.isDefault()), null),
                "make mapping " + mapping.describe());
    }

    /** The virtual mapping 2.x gives every bucket (database = its name, id = its id) follows the name. */
    private static boolean isVirtual(DBRP mapping) {
        return mapping.getId().equals(mapping.getBucketID());
    }

    private List<DBRP> all() {
        DBRPs mappings = execute(client.getService(DbrPsService.class).getDBRPs(null, orgId.get(), null, null, null, null,
                null, null), "list its 1.x mappings (DBRP)");
        return mappings == null || mappings.getContent() == null ? List.of() : mappings.getContent();
    }

    private static <T> T execute(Call<T> call, String what) {
        try {
            Response<T> answer = call.execute();
            if (!answer.isSuccessful()) {
                throw ResetException.problem("InfluxDB could not " + what + " (HTTP " + answer.code() + ").",
                        "Check that the token may read and write the org's DBRP mappings ('influx v1 dbrp list').", null);
            }
            return answer.body();
        } catch (IOException e) {
            throw ResetException.problem("InfluxDB did not answer when asked to " + what + ".", "Check that it runs.", e);
        }
    }
}
