package org.onewindow.hub.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param yellowShare    a yellow card when less than this share of a task's promised working time is left
 * @param urgeAfter      a red card still open this long (working time) is urged on the department (催办)
 * @param superviseAfter a red card still open this long (working time) is referred to the supervision office (督办)
 * @param batchSize      cards issued, escalated or cleared per commit of a review
 */
@ConfigurationProperties("onewindow.supervision")
record SupervisionProperties(double yellowShare, String urgeAfter, String superviseAfter, String reviewEvery, int batchSize) {
}
