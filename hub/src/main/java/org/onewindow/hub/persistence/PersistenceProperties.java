package org.onewindow.hub.persistence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hub writes its database (onewindow.persistence.*).
 *
 * @param groupCommit many cases' state changes in one transaction
 */
@ConfigurationProperties("onewindow.persistence")
public record PersistenceProperties(@DefaultValue GroupCommitSettings groupCommit) {

    /**
     * The values, and why, are in application.yaml (onewindow.persistence.group-commit), the one place they are set.
     *
     * @param maxUnits      at most this many units of work in one commit
     * @param queueCapacity units waiting for the next commit before callers block
     */
    public record GroupCommitSettings(int maxUnits, int queueCapacity) {
    }
}
