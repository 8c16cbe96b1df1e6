package io.github.influxreset.engine.port;

import java.io.IOException;
import java.io.InputStream;

/** A tar archive kept on disk (a set's volume snapshot), which can be read more than once. */
public interface TarArchive {
    /** The archive's bytes from the start; the caller closes the stream. */
    InputStream open() throws IOException;

    /**
     * Reads the whole archive and throws, naming the entry, at the first one that may not be
     * extracted (absolute, climbing out, a device or pipe, a link out of the archive or through one).
     */
    void check() throws IOException;
}
