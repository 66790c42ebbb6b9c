/**
 * Alerts (docs/ALERTS.md): the rules of {@code loadrank.alerts}, and the engine that turns each
 * global ranking into firing and resolved events, one firing per episode. Pure: no Storm or Kafka
 * types, the time comes with the ranking.
 */
package io.loadrank.alert;
