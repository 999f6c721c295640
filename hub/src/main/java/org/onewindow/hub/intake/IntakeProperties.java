package org.onewindow.hub.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.ZoneId;

/**
 * @param maxBodyBytes larger request bodies are refused with 413
 * @param timeZone     the service hall's time zone: it decides which day a case was received on
 */
@ConfigurationProperties("onewindow.intake")
record IntakeProperties(long maxBodyBytes, ZoneId timeZone) {
}
