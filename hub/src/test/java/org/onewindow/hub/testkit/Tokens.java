package org.onewindow.hub.testkit;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/** Access tokens a test makes itself: signed with the demo key but expired, or signed with a key the hub does not trust. */
public final class Tokens {
    private Tokens() {
    }

    /** A token of the demo client with these scopes, signed with the hub's demo key, that expired an hour ago. */
    public static String expired(String clientId, String scopes) {
        Instant issued = Instant.now().minusSeconds(7200);
        return sign(demoKey(), clientId, scopes, issued, issued.plusSeconds(3600));
    }

    /** A token that looks right but is signed with a key of the test's own. */
    public static String forged(String clientId, String scopes) {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            java.security.KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate()).build();
            key = new RSAKey.Builder(key).keyID(demoKey().getKeyID()).build();
            return sign(key, clientId, scopes, Instant.now(), Instant.now().plusSeconds(600));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(RSAKey key, String clientId, String scopes, Instant issued, Instant expires) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                    new JWTClaimsSet.Builder().subject(clientId).claim("client_id", clientId).claim("scope", scopes)
                            .issueTime(Date.from(issued)).notBeforeTime(Date.from(issued)).expirationTime(Date.from(expires)).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey demoKey() {
        try {
            String pem = Files.readString(Path.of("../seeds/security/demo-jwt-signing-key.pem"));
            String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            RSAKey key = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
            return new RSAKey.Builder(key).keyID(key.computeThumbprint().toString()).build();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the demo signing key", e);
        }
    }
}
