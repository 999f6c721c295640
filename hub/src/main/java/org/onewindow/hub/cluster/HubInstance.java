package org.onewindow.hub.cluster;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * This hub among the hubs that share one database and one broker. The instance id names the hub across restarts
 * (onewindow.instance.id; by default the host's name and the HTTP port, stable on one machine); the run id names this
 * one start of it. What a hub holds in the shared database (outbox claims, tasks being sent, its message log chain) is
 * marked with these, so that another hub knows whose it is and when it may take it over.
 */
@Component
public class HubInstance {

    private final String id;
    private final String runId = UUID.randomUUID().toString();

    HubInstance(@Value("${onewindow.instance.id:}") String configured, @Value("${server.port:8080}") int port) {
        this.id = configured == null || configured.isBlank() ? hostName() + "-" + port : configured.strip();
        if (id.length() > 64) {
            throw new IllegalArgumentException("onewindow.instance.id is at most 64 characters: " + id);
        }
    }

    /** A hub of this name, for tools and tests that play several hubs in one process. */
    public static HubInstance named(String id) {
        return new HubInstance(id, 0);
    }

    /** The hub's name, the same after a restart. */
    public String id() {
        return id;
    }

    /** This start of the hub: a new one every time the process starts. */
    public String runId() {
        return runId;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "hub";
        }
    }
}
