/**
 * The checks before a run and after it: prerequisites, each service's health and settings, the target
 * of a move, the mode the findings suggest, the live schema and its validation against the profile.
 */
package io.github.influxreset.engine.checks;
