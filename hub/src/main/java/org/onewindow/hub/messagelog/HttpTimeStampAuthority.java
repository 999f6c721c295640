package org.onewindow.hub.messagelog;

import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * An external RFC 3161 time-stamping authority over HTTP (RFC 3161 §3.4): POST of a DER TimeStampReq as
 * {@code application/timestamp-query}, answered {@code application/timestamp-reply}. The reply is checked against
 * the request (status granted, same digest, same nonce) before its token is used.
 */
final class HttpTimeStampAuthority implements TimeStamper {

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    HttpTimeStampAuthority(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public byte[] stamp(byte[] sha256) {
        try {
            TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
            generator.setCertReq(true);
            TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, random));
            HttpResponse<byte[]> reply = http.send(HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (reply.statusCode() != 200) {
                throw new TimeStampUnavailableException(describe() + " answered HTTP " + reply.statusCode(), null);
            }
            TimeStampResponse response = new TimeStampResponse(reply.body());
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new TimeStampUnavailableException(describe() + " granted no token: " + response.getStatusString(), null);
            }
            return response.getTimeStampToken().getEncoded();
        } catch (TimeStampUnavailableException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeStampUnavailableException("interrupted while asking " + describe(), e);
        } catch (IOException e) {
            throw new TimeStampUnavailableException("cannot reach " + describe() + ": " + e.getClass().getSimpleName(), e);
        } catch (Exception e) {
            throw new TimeStampUnavailableException(describe() + " gave an unusable answer: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "time-stamping authority " + url;
    }
}
