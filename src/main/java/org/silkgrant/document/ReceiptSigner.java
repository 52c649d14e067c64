package org.silkgrant.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.interfaces.ECKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Signs submission receipts with SM2 over SM3 (SM3withSM2, GB/T 32918.2 with the default user id
 * {@code 1234567812345678}) so anyone holding {@link #publicKeyPem()} can check a receipt offline.
 * <p>
 * The private key is {@code silkgrant.receipts.private-key} (PKCS#8, PEM or bare base64; set it on every node when
 * several run) or else {@code silkgrant.data-dir/keys/receipt-sm2.pem}, created owner-only on first start. It uses
 * the JCA with a private Bouncy Castle provider instance (never registered globally, so no other code's algorithm
 * choice changes): the JCA gives standard PKCS#8/X.509 encodings and DER signatures that OpenSSL 3 also verifies.
 */
@Service
public class ReceiptSigner {

    private static final Logger log = LoggerFactory.getLogger(ReceiptSigner.class);
    private static final Provider BC = new BouncyCastleProvider();
    private static final ECNamedCurveParameterSpec SM2 = ECNamedCurveTable.getParameterSpec("sm2p256v1");
    private static final String ALGORITHM = "SM3withSM2";
    /** GB/T 32918.2 and GB/T 35276 default signer id; a verifier must use the same one. */
    private static final byte[] USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    public ReceiptSigner(@Value("${silkgrant.data-dir}") String dataDir,
            @Value("${silkgrant.receipts.private-key:}") String configuredKey) {
        try {
            String pem = configuredKey != null && !configuredKey.isBlank()
                    ? configuredKey
                    : Files.readString(keyFile(Path.of(dataDir, "keys", "receipt-sm2.pem")));
            this.privateKey = KeyFactory.getInstance("EC", BC).generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
            this.publicKey = publicKeyOf(privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("the receipt signing key cannot be read", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // The message would not quote the key, but the cause chain of a parse error might: keep neither.
            throw new IllegalStateException("the receipt signing key is not an SM2 private key in PKCS#8");
        }
    }

    /** The SM3 digest (GB/T 32905) of {@code data} in lowercase hex. */
    public String sm3Hex(byte[] data) {
        SM3Digest sm3 = new SM3Digest();
        sm3.update(data, 0, data.length);
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /** Base64 of the DER-encoded SM3withSM2 signature of {@code data}. */
    public String sign(byte[] data) {
        try {
            Signature signature = signature();
            signature.initSign(privateKey);
            signature.update(data);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a receipt cannot be signed", e);
        }
    }

    /** Whether {@code signatureBase64} is this signer's signature of exactly {@code data}. */
    public boolean verify(byte[] data, String signatureBase64) {
        return verify(publicKey, data, signatureBase64);
    }

    /** The public key as an X.509 SubjectPublicKeyInfo PEM, to publish for offline checks. */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /**
     * Whether {@code signatureBase64} is a signature of {@code data} by the holder of {@code publicKeyPem}; needs no
     * private key and no running system. A malformed signature is simply not valid.
     *
     * @throws IllegalArgumentException when {@code publicKeyPem} is not an SM2 public key
     */
    public static boolean verify(String publicKeyPem, byte[] data, String signatureBase64) {
        PublicKey key;
        try {
            key = KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(der(publicKeyPem)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an SM2 public key in PEM", e);
        }
        if (!onSm2Curve(key)) {
            throw new IllegalArgumentException("not an SM2 public key in PEM");
        }
        return verify(key, data, signatureBase64);
    }

    private static boolean verify(PublicKey key, byte[] data, String signatureBase64) {
        if (signatureBase64 == null) {
            return false;
        }
        try {
            Signature signature = signature();
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(Base64.getDecoder().decode(signatureBase64.strip()));
        } catch (SignatureException | IllegalArgumentException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a receipt signature cannot be checked", e);
        }
    }

    private static Signature signature() throws GeneralSecurityException {
        Signature signature = Signature.getInstance(ALGORITHM, BC);
        // Set explicitly although it is Bouncy Castle's default: the id is part of what a verifier must know.
        signature.setParameter(new SM2ParameterSpec(USER_ID));
        return signature;
    }

    private static PublicKey publicKeyOf(PrivateKey key) throws GeneralSecurityException {
        if (!onSm2Curve(key)) {
            throw new GeneralSecurityException("not on sm2p256v1");
        }
        // PKCS#8 need not carry the public point; Q = dG recomputes it, with the named curve so X.509 names the OID.
        BigInteger d = ((org.bouncycastle.jce.interfaces.ECPrivateKey) key).getD();
        return KeyFactory.getInstance("EC", BC).generatePublic(new ECPublicKeySpec(SM2.getG().multiply(d).normalize(), SM2));
    }

    private static boolean onSm2Curve(java.security.Key key) {
        // Another curve's key would sign "SM3withSM2" too, but nobody checking a GB/T 32918 signature could verify it.
        return key instanceof ECKey ec && ec.getParameters() != null
                && SM2.getCurve().equals(ec.getParameters().getCurve()) && SM2.getG().equals(ec.getParameters().getG());
    }

    private static Path keyFile(Path file) throws IOException {
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(file.getParent());
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"), new SecureRandom());
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an SM2 key pair cannot be generated", e);
        }
        // Written beside the target and renamed: the key file never exists half-written or readable by others.
        Path temp = Files.createTempFile(file.getParent(), ".receipt-sm2-", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                log.warn("Cannot restrict the permissions of {}", file);
            }
            Files.writeString(temp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        log.info("Created a new SM2 receipt signing key in {}; back it up, receipts verify only against its public key",
                file);
        return file;
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pemOrBase64) {
        return Base64.getMimeDecoder().decode(pemOrBase64.replaceAll("-----(BEGIN|END) [A-Z ]+-----", ""));
    }
}
