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
     * @param maxUnits      at most this many units of work in one commit
     * @param queueCapacity units waiting for the next commit before callers block
     */
    public record GroupCommitSettings(@DefaultValue("200") int maxUnits, @DefaultValue("10000") int queueCapacity) {
    }
}
