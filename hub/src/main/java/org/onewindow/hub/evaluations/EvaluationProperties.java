package org.onewindow.hub.evaluations;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param defaultAfter         with no rating this long (working time) after completion, the default rating applies
 * @param defaultLevel         the default rating's level
 * @param rectificationWithin  a bad rating's ticket is due this long (working time) after it was opened
 * @param invitationLink       the link the SMS carries, the case number appended
 * @param roundEvery           how often invitations are sent, default ratings applied and late tickets escalated
 * @param maxSendAttempts      an invitation the gateway refused this often is given up (and stays listed with its error)
 * @param smsGateway           the SMS gateway (短信网关): its base URL (read again at each send) and timeouts
 */
@ConfigurationProperties("onewindow.evaluations")
record EvaluationProperties(String defaultAfter, int defaultLevel, String rectificationWithin, String invitationLink,
                            String roundEvery, int maxSendAttempts, int batchSize, SmsGatewaySettings smsGateway) {

    record SmsGatewaySettings(String baseUrl, int connectTimeoutMs, int responseTimeoutMs) {
    }
}
