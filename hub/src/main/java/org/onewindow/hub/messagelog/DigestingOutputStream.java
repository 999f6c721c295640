package org.onewindow.hub.messagelog;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.function.Consumer;

/**
 * Hashes the bytes on their way out, as they stream: no second copy of the body, unless its bytes are to be kept
 * (then at most {@code keepLimit} of them). On close it hands the {@link Body} to {@code done}.
 */
final class DigestingOutputStream extends FilterOutputStream {

    private final MessageDigest digest = Hashes.sha256();
    private final Consumer<Body> done;
    private final int keepLimit;
    private ByteArrayOutputStream kept;
    private long count;
    private boolean closed;

    DigestingOutputStream(OutputStream out, int keepLimit, Consumer<Body> done) {
        super(out);
        this.keepLimit = keepLimit;
        this.kept = keepLimit > 0 ? new ByteArrayOutputStream() : null;
        this.done = done;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        digest.update((byte) b);
        count++;
        keep(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        digest.update(b, off, len);
        count += len;
        keep(b, off, len);
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            done.accept(new Body(Hashes.hex(digest.digest()), count, kept == null ? null : kept.toByteArray()));
        }
        super.close();
    }

    private void keep(byte[] b, int off, int len) {
        if (kept != null) {
            if (kept.size() + len > keepLimit) {
                kept = null; // too big to keep: its hash is enough
            } else {
                kept.write(b, off, len);
            }
        }
    }
}
