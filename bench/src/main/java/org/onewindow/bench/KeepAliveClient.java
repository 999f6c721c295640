package org.onewindow.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The cheapest client the benchmark can be for one fixed request, sent again and again: a blocking socket kept alive,
 * the request's bytes made once, the answer read by its Content-Length (or its chunks). It plays the part ab or wrk
 * play in front of a web server. The verify baseline needs it because the load generator shares the hub's two cores:
 * java.net.http's client spent about as much CPU per call as the hub itself, so the hub was measured at 1,255
 * calls/s while ab, in front of the same warm hub, got 3,470–4,321/s (2026-12-06, docs/benchmark.md).
 * HTTP/1.1 only, plain text, for the benchmark's own hub on the loopback address; not a general client.
 */
final class KeepAliveClient implements AutoCloseable {

    /** An answer: its status code and body. */
    record Answer(int status, String body) {
    }

    private final URI uri;
    private final byte[] request;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    /** A POST of {@code body} (JSON) to {@code uri} with the given Authorization header, on one kept-alive connection. */
    KeepAliveClient(URI uri, String authorization, String body) {
        this.uri = uri;
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "Authorization: " + authorization + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Accept: application/json\r\n"
                + "Content-Length: " + content.length + "\r\n"
                + "\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        this.request = new byte[headBytes.length + content.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(content, 0, request, headBytes.length, content.length);
    }

    /** Sends the request and reads its answer; a closed connection is opened again once. */
    Answer exchange() {
        try {
            return send();
        } catch (IOException first) {
            close();
            try {
                return send();
            } catch (IOException again) {
                close();
                throw new UncheckedIOException(again);
            }
        }
    }

    private Answer send() throws IOException {
        if (socket == null) {
            connect();
        }
        out.write(request);
        out.flush();
        return read();
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    private Answer read() throws IOException {
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                closes = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(Math.max(length, 256));
        if (chunked) {
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            // trailers, up to the empty line
            while (!line().isEmpty()) {
                // none expected
            }
        } else if (length >= 0) {
            body.write(in.readNBytes(length));
        } else {
            closes = true;
            body.write(in.readAllBytes());
        }
        if (closes) {
            close();
        }
        return new Answer(status, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        throw new IOException("the connection ended in the middle of an answer");
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
    }
}
