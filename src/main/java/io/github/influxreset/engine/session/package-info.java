/**
 * The use cases, the one door both faces (the wizard and the command line) use: a session per profile
 * hands out the inspector, whole runs, the run history and the backup shelf. Plain blocking Java that
 * returns what happened or throws a ResetException with a sentence.
 */
package io.github.influxreset.engine.session;
