package org.silkgrant.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Receipts carry SM2 signatures that anyone can check with the published public key alone. */
class ReceiptSignerTests {

    private static final byte[] RECEIPT = "SCO-2023-000042|2023-05-31T09:30:00Z|66c7f0f462eeedd9d1f2d46bdc10e4e2"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDir;

    @Test
    void verifiesWhatItSigned() {
        ReceiptSigner signer = signer(dataDir);

        String signature = signer.sign(RECEIPT);

        assertThat(signer.verify(RECEIPT, signature)).isTrue();
        // DER SEQUENCE of r and s, as GB/T 35276 and OpenSSL encode SM2 signatures.
        assertThat(Base64.getDecoder().decode(signature)[0]).isEqualTo((byte) 0x30);
    }

    @Test
    void refusesAChangedByteOrABrokenSignature() {
        ReceiptSigner signer = signer(dataDir);
        String signature = signer.sign(RECEIPT);
        byte[] changed = RECEIPT.clone();
        changed[changed.length - 1] ^= 1;

        assertThat(signer.verify(changed, signature)).isFalse();
        assertThat(signer.verify(RECEIPT, signature.substring(0, 20))).isFalse();
        assertThat(signer.verify(RECEIPT, "not base64 at all!")).isFalse();
        assertThat(signer.verify(RECEIPT, null)).isFalse();
    }

    @Test
    void anyoneVerifiesWithThePublicKeyPemAlone() {
        ReceiptSigner signer = signer(dataDir);
        String signature = signer.sign(RECEIPT);
        String pem = signer.publicKeyPem();

        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(ReceiptSigner.verify(pem, RECEIPT, signature)).isTrue();
        assertThat(ReceiptSigner.verify(pem, "another receipt".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThatThrownBy(() -> ReceiptSigner.verify("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
                RECEIPT, signature)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsItsKeyAcrossRestartsInAnOwnerOnlyFile() throws IOException {
        ReceiptSigner first = signer(dataDir);
        String signature = first.sign(RECEIPT);

        ReceiptSigner second = signer(dataDir);

        assertThat(second.publicKeyPem()).isEqualTo(first.publicKeyPem());
        assertThat(second.verify(RECEIPT, signature)).isTrue();
        Path keyFile = dataDir.resolve("keys/receipt-sm2.pem");
        assertThat(Files.readString(keyFile)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(FileStoreTests.filesUnder(dataDir)).containsExactly(keyFile);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        }
    }

    @Test
    void anotherDataDirectoryHasAnotherKey(@TempDir Path otherDir) {
        ReceiptSigner ours = signer(dataDir);
        ReceiptSigner theirs = signer(otherDir);

        assertThat(theirs.publicKeyPem()).isNotEqualTo(ours.publicKeyPem());
        assertThat(theirs.verify(RECEIPT, ours.sign(RECEIPT))).isFalse();
    }

    @Test
    void usesAConfiguredKeyInsteadOfAFile(@TempDir Path otherDir) throws IOException {
        ReceiptSigner generated = signer(dataDir);
        String privateKeyPem = Files.readString(dataDir.resolve("keys/receipt-sm2.pem"));

        ReceiptSigner configured = new ReceiptSigner(otherDir.toString(), privateKeyPem);
        ReceiptSigner bareBase64 = new ReceiptSigner(otherDir.toString(),
                privateKeyPem.replaceAll("-----[A-Z ]+-----|\\s", ""));

        assertThat(configured.publicKeyPem()).isEqualTo(generated.publicKeyPem());
        assertThat(bareBase64.publicKeyPem()).isEqualTo(generated.publicKeyPem());
        assertThat(generated.verify(RECEIPT, configured.sign(RECEIPT))).isTrue();
        assertThat(FileStoreTests.filesUnder(otherDir)).isEmpty();
    }

    @Test
    void refusesAKeyOnAnotherCurve() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        String p256 = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());

        assertThatThrownBy(() -> new ReceiptSigner(dataDir.toString(), p256)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void computesTheSm3TestVectorOfGbT32905() {
        ReceiptSigner signer = signer(dataDir);

        assertThat(signer.sm3Hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(signer.sm3Hex("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void opensslVerifiesTheSignatureToo(@TempDir Path work) throws Exception {
        ReceiptSigner signer = signer(dataDir);
        Path data = Files.write(work.resolve("receipt.txt"), RECEIPT);
        Path signature = Files.write(work.resolve("receipt.sig"), Base64.getDecoder().decode(signer.sign(RECEIPT)));
        Path publicKey = Files.writeString(work.resolve("receipt-sm2-public.pem"), signer.publicKeyPem());

        // What an office runs without SilkGrant; skipped where no OpenSSL 3 is installed.
        String output = run(work, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", publicKey.toString(), "-rawin",
                "-digest", "sm3", "-pkeyopt", "distid:1234567812345678", "-in", data.toString(),
                "-sigfile", signature.toString());

        assertThat(output).contains("Signature Verified Successfully");
    }

    private static ReceiptSigner signer(Path dir) {
        return new ReceiptSigner(dir.toString(), "");
    }

    private static String run(Path dir, String... command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeThat(e).as("openssl is not installed").isNull();
            throw e;
        }
        assumeThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeThat(output).as("an OpenSSL with SM2").doesNotContain("unknown", "Unknown", "not supported");
        return output;
    }
}
