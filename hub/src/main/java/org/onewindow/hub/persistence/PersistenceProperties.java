package org.onewindow.hub.persistence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hub writes its database (onewindow.persistence.*).
 *
 * @param groupCommit many cases' state changes in one transaction
 * @param h2          the embedded H2 file's housekeeping
 */
@ConfigurationProperties("onewindow.persistence")
public record PersistenceProperties(@DefaultValue GroupCommitSettings groupCommit, @DefaultValue H2Settings h2) {

    /**
     * The values, and why, are in application.yaml (onewindow.persistence.group-commit), the one place they are set.
     *
     * @param maxUnits      at most this many units of work in one commit
     * @param queueCapacity units waiting for the next commit before callers block
     * @param commitDelayUs how long (microseconds) a commit waits for more units to join it, when more are due within
     *                      that time at the recent rate; 0 never waits
     */
    public record GroupCommitSettings(int maxUnits, int queueCapacity, @DefaultValue("0") long commitDelayUs) {
    }

    /**
     * Set in application.yaml (onewindow.persistence.h2), with the reasons.
     *
     * @param housekeepingIntervalMs how often the file's chunks are looked at
     * @param targetFillRate         compacted while less than this share (percent) of the chunk space is live
     * @param writeLimitBytes        at most about this many bytes rewritten in one round
     */
    public record H2Settings(@DefaultValue("5000") long housekeepingIntervalMs, @DefaultValue("80") int targetFillRate,
                             @DefaultValue("4194304") int writeLimitBytes) {
    }
}
