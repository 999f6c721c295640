package org.onewindow.hub.messagelog;

/**
 * The message log is one chain per hub: each hub (its instance id, org.onewindow.hub.cluster.HubInstance) numbers,
 * chains and seals only its own records, so several hubs share one database without touching each other's chain.
 */
final class Chains {

    /**
     * The records and seals written before there were chains (V14__message_log_chains.sql): the one hub's log then.
     * It begins at {@link Hashes#GENESIS}, as it always did.
     */
    static final String SINGLE_HUB = "single-hub";

    /** The longest chain name: an instance id (HubInstance), the width of the chain columns. */
    static final int MAX_NAME = 64;

    private static final String FORMAT = "onewindow-message-log-chain/1";

    private Chains() {
    }

    /**
     * The hash before a chain's first record and before its first seal: SHA-256 of the chain's name (in the canonical
     * form, tagged {@value #FORMAT}), so that a chain renamed or moved onto another fails at its first record and seal.
     * The pre-chain log keeps {@link Hashes#GENESIS}.
     */
    static String genesis(String chain) {
        if (SINGLE_HUB.equals(chain)) {
            return Hashes.GENESIS;
        }
        return Hashes.hex(Hashes.sha256(new Canonical(FORMAT).text(chain).toBytes()));
    }
}
