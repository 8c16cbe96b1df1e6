/**
 * What a reset, move, repair or restore will do: an ordered list of actions built from the profile and
 * the live stack, the backup and its verification always before anything destructive.
 */
package io.github.influxreset.engine.plan;
