/**
 * The one threading seam: the wizard runs use cases through a TaskRunner off the FX thread; the
 * command line and tests run them on the same thread.
 */
package io.github.influxreset.engine.tasks;
