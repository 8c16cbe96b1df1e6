/**
 * What the engine needs of the world, implemented by the adapters: Docker, InfluxDB, the backup store,
 * the metadata store, the run lock, and Ports, which bundles them for one profile.
 */
package io.github.influxreset.engine.port;
