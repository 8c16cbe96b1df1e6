/**
 * One class per journalled action: it executes, describes itself, and undoes itself from the facts it
 * recorded before it ran.
 */
package io.github.influxreset.engine.actions;
