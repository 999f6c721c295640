package org.onewindow.hub.outbound;

/** What a service of the provincial gateway answered (any status below 500), and its body as received. */
public record GatewayAnswer(int status, byte[] body) {
}
