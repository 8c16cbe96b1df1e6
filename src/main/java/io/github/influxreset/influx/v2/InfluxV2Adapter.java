package io.github.influxreset.influx.v2;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.domain.Bucket;
import com.influxdb.client.domain.BucketRetentionRules;
import com.influxdb.client.domain.OnboardingRequest;
import com.influxdb.client.domain.Organization;
import com.influxdb.exceptions.InfluxException;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.FieldType;
import io.github.influxreset.domain.InfluxSpec;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.Retention;
import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.engine.port.MappingPort;
import io.github.influxreset.influx.TlsClients;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link InfluxPort} for InfluxDB 2.x through influxdb-client-java. The token travels as
 * {@code char[]}; client failures become sentences naming what to fix.
 */
public final class InfluxV2Adapter implements InfluxPort, AutoCloseable {
    private static final OffsetDateTime EPOCH = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final InfluxSpec spec;
    private final InfluxDBClient client;
    private final FluxQueries flux;
    private final CsvExport csv;
    private final LineProtocolWrites writes;

    public InfluxV2Adapter(InfluxSpec spec) {
        this.spec = spec;
        InfluxDBClientOptions.Builder options = InfluxDBClientOptions.builder().url(spec.url()).org(spec.org())
                .okHttpClient(TlsClients.okHttp(spec.tls()));
        if (!spec.token().isEmpty()) {
            options.authenticateToken(spec.token().reveal());
        }
        this.client = InfluxDBClientFactory.create(options.build());
        this.flux = new FluxQueries(client, spec.org());
        this.csv = new CsvExport(spec);
        this.writes = new LineProtocolWrites(spec);
    }

    @Override
    public String health() {
        return call("answer its health check", () -> {
            String version = client.version();
            if (version.startsWith("1.") || version.startsWith("v1")) {
                throw ResetException.badInput("The server is InfluxDB " + version + " but the profile says version 2.",
                        "Set influx.version: 1 in the profile.");
            }
            return version;
        });
    }

    @Override
    public void setup(String firstBucket) {
        call("set up org " + spec.org(), () -> {
            if (Boolean.TRUE.equals(client.isOnboardingAllowed())) {
                OnboardingRequest request = new OnboardingRequest().username(spec.setupUsername())
                        .password(spec.setupPassword().revealAsString()).org(spec.org()).bucket(firstBucket)
                        .token(spec.token().revealAsString());
                try {
                    client.onBoarding(request);
                } catch (InfluxException alreadyDone) {
                    // 422 "onboarding has already been completed": the image's own init won the race
                    if (alreadyDone.status() != 422) {
                        throw alreadyDone;
                    }
                }
            }
            organization();
            return null;
        });
    }

    @Override
    public List<BucketSpec> buckets() {
        return call("list the buckets of org " + spec.org(), () -> client.getBucketsApi()
                .findBucketsByOrgName(spec.org()).stream()
                .filter(b -> !b.getName().startsWith("_"))
                .map(b -> new BucketSpec(b.getName(), retention(b))).toList());
    }

    @Override
    public void createBucket(BucketSpec bucket) {
        call("create bucket " + bucket.name(), () -> client.getBucketsApi().createBucket(bucket.name(),
                rule(bucket.retention()), organization()));
    }

    @Override
    public void updateRetention(BucketSpec bucket) {
        call("change the retention of bucket " + bucket.name(), () -> {
            Bucket live = find(bucket.name()).orElseThrow(() -> ResetException.problem("Bucket " + bucket.name()
                    + " does not exist.", "", null));
            live.setRetentionRules(List.of(rule(bucket.retention())));
            return client.getBucketsApi().updateBucket(live);
        });
    }

    @Override
    public void deleteBucket(String bucket) {
        call("delete bucket " + bucket, () -> {
            find(bucket).ifPresent(b -> client.getBucketsApi().deleteBucket(b));
            return null;
        });
    }

    @Override
    public void write(String bucket, String lineProtocol) {
        writes.write(bucket, lineProtocol);
    }

    @Override
    public Map<String, Long> countPoints(String bucket) {
        return call("count the points of " + bucket, () -> flux.maxPerMeasurement(bucket, "", "count()"));
    }

    @Override
    public Map<String, Map<String, Long>> countFieldValues(String bucket) {
        return call("count the values of " + bucket, () -> flux.countPerField(bucket));
    }

    @Override
    public long pointsSince(String bucket, Instant since) {
        return call("count the new points of " + bucket, () -> flux.pointsSince(bucket, since));
    }

    @Override
    public List<String> measurements(String bucket) {
        return call("list the measurements of " + bucket, () -> flux.measurements(bucket));
    }

    @Override
    public List<String> tagKeys(String bucket, String measurement) {
        return call("read the tag keys of " + measurement, () -> flux.tagKeys(bucket, measurement));
    }

    @Override
    public Map<String, FieldType> fieldKeys(String bucket, String measurement) {
        return call("read the field keys of " + measurement, () -> flux.fieldTypes(bucket, measurement));
    }

    @Override
    public long countWhere(String bucket, String measurement, String tag, String value) {
        return call("count points of " + measurement, () -> flux.maxPerMeasurement(bucket,
                "|> filter(fn: (r) => r._measurement == " + FluxQueries.string(measurement) + " and r[" + FluxQueries.string(tag)
                        + "] == " + FluxQueries.string(value) + ")", "count()").getOrDefault(measurement, 0L));
    }

    @Override
    public void deleteWhere(String bucket, String measurement, String tag, String value) {
        call("delete points of " + measurement, () -> {
            String predicate = "_measurement=\"" + measurement + "\" AND \"" + tag + "\"=\"" + value + "\"";
            client.getDeleteApi().delete(EPOCH, OffsetDateTime.now(ZoneOffset.UTC).plusDays(1), predicate, bucket, spec.org());
            return null;
        });
    }

    @Override
    public Optional<String> anyTagValue(String bucket, String measurement, String tag) {
        return call("read a value of tag " + tag, () -> flux.anyTagValue(bucket, measurement, tag));
    }

    @Override
    public void typicalQuery(String bucket, String measurement, String tag, String value) {
        call("query " + measurement, () -> flux.lastDayHourlyMean(bucket, measurement, tag, value));
    }

    @Override
    public long tagCardinality(String bucket, String measurement, String tag) {
        return call("count the values of tag " + tag, () -> flux.tagCardinality(bucket, measurement, tag));
    }

    @Override
    public long export(String bucket, OutputStream out) {
        return csv.export(bucket, FluxQueries.from(bucket, FluxQueries.ALL), out);
    }

    @Override
    public long export(String bucket, OutputStream out, Instant from, Instant to) {
        return csv.export(bucket, FluxQueries.from(bucket, FluxQueries.range(from, to)), out);
    }

    @Override
    public Map<String, Map<String, Long>> countFieldValues(String bucket, Instant from, Instant to) {
        return call("count the values of " + bucket, () -> flux.countPerField(bucket, FluxQueries.range(from, to)));
    }

    @Override
    public Map<String, String> bucketIds() {
        return call("list the buckets of org " + spec.org(), () -> new OrgBuckets(client, spec.org()).ids());
    }

    @Override
    public void renameBucket(String id, String newName) {
        call("rename bucket " + id + " to " + newName, () -> {
            new OrgBuckets(client, spec.org()).rename(id, newName);
            return null;
        });
    }

    @Override
    public MappingPort mappings() {
        return new DbrpMappings(client, () -> call("find org " + spec.org(), () -> organization().getId()));
    }

    @Override
    public Optional<String> nativeBackupProblem() {
        return new NativeBackupV2(spec, Clock.systemUTC()).problem();
    }

    /** The server's own backup, laid out as {@code influx backup} lays it out (restorable with {@code influx restore}). */
    @Override
    public void writeNativeBackup(Path dir) {
        try {
            new NativeBackupV2(spec, Clock.systemUTC()).write(dir);
        } catch (IOException e) {
            throw ResetException.problem("InfluxDB's own backup could not be written: " + e.getMessage() + ".",
                    "Check the free space of the backup folder and that InfluxDB runs.", e);
        }
    }

    @Override
    public void restoreNativeBackup(Path dir) {
        try {
            new NativeRestoreV2(spec).restore(dir);
        } catch (IOException e) {
            throw ResetException.problem("InfluxDB's own backup could not be restored: " + e.getMessage() + ".",
                    "Check that InfluxDB runs and the set verifies ('backups verify').", e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private Organization organization() {
        return client.getOrganizationsApi().findOrganizations().stream()
                .filter(o -> o.getName().equals(spec.org())).findFirst()
                .orElseThrow(() -> ResetException.badInput("InfluxDB has no org '" + spec.org() + "'.",
                        "Fix influx.org in the profile."));
    }

    private Optional<Bucket> find(String name) {
        return client.getBucketsApi().findBucketsByOrgName(spec.org()).stream()
                .filter(b -> b.getName().equals(name)).findFirst();
    }

    private static BucketRetentionRules rule(Retention retention) {
        BucketRetentionRules rule = new BucketRetentionRules();
        rule.setEverySeconds((int) retention.seconds());
        return rule;
    }

    private static Retention retention(Bucket bucket) {
        return bucket.getRetentionRules().stream().map(BucketRetentionRules::getEverySeconds)
                .filter(s -> s != null && s > 0).findFirst().map(s -> Retention.ofSeconds(s)).orElse(Retention.INFINITE);
    }

    private <T> T call(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (ResetException e) {
            throw e;
        } catch (InfluxException e) {
            throw V2Failures.of(spec.url(), what, e);
        }
    }
}
