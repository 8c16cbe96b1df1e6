/**
 * Moving points: carrying history into the new schema, merging, writing in time order, live time
 * ranges, splitting line protocol, and throughput with time left for progress lines.
 */
package io.github.influxreset.engine.data;
