package dev.eddy.server.internal;

/** What goes back for one request: HTTP status and the exact body bytes. Netty-free. */
public record Reply(int status, byte[] body) {}
