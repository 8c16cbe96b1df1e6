/**
 * The run's machinery: the plan and its actions, the runner that journals each action before it runs
 * it, the journal, the run's context, leases and faults, and rollback planning.
 */
package io.github.influxreset.engine.run;
