package io.github.influxreset.cli;

import io.github.influxreset.domain.ResetMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code repair}, {@code buckets}, {@code online} or {@code full}. */
final class ModeConverter implements ITypeConverter<ResetMode> {
    @Override
    public ResetMode convert(String value) {
        return ResetMode.fromName(value).orElseThrow(() ->
                new TypeConversionException("'" + value + "' is not a mode; use repair, buckets, online or full"));
    }
}
