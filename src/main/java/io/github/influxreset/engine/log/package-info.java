/**
 * The log bus every face listens to: events with level, step and action, secrets masked at the source,
 * causes said as sentences.
 */
package io.github.influxreset.engine.log;
