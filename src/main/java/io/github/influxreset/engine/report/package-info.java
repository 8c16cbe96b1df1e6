/**
 * What a run did, for both faces: its timeline, measured downtime and report, read from the journal.
 */
package io.github.influxreset.engine.report;
