package org.silkgrant.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;

import org.silkgrant.account.AccountEvent;
import org.silkgrant.shared.PersonalDataCipher;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;

/**
 * The TOTP second factor (RFC 6238, 6 digits, 30 s) of officers and admins: enrolment with a QR code for an
 * authenticator app on first sign-in, then a code at every sign-in. Secrets are stored encrypted.
 */
@Service
public class SecondFactorService {

    static final String ISSUER = "SilkGrant";
    static final int PERIOD_SECONDS = 30;

    /** What a person needs to enrol: the QR code as a data URI and the secret to type in by hand. */
    public record Enrollment(String qrDataUri, String secret) {
    }

    private final UserAccountRepository users;
    private final PersonalDataCipher cipher;
    private final ApplicationEventPublisher events;
    private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);
    private final Clock clock;

    SecondFactorService(UserAccountRepository users, PersonalDataCipher cipher, ApplicationEventPublisher events,
            Clock clock) {
        this.users = users;
        this.cipher = cipher;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean enrolled(String username) {
        return users.findByUsernameIgnoreCase(username).map(UserAccount::mfaEnabled).orElse(false);
    }

    /** The pending enrolment of a user who has none yet; a new secret the first time. */
    @Transactional
    public Enrollment enrollment(String username) {
        UserAccount user = users.findByUsernameIgnoreCase(username).orElseThrow();
        if (user.mfaEnabled()) {
            throw new IllegalStateException("already enrolled");
        }
        String secret;
        if (user.mfaSecretEncrypted() == null) {
            secret = new DefaultSecretGenerator(32).generate();
            user.pendingSecondFactor(cipher.encrypt(secret));
        } else {
            secret = cipher.decrypt(user.mfaSecretEncrypted());
        }
        QrData data = new QrData.Builder().label(user.username()).secret(secret).issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(PERIOD_SECONDS).build();
        try {
            ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
            generator.setImageSize(240);
            return new Enrollment(Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType()), secret);
        } catch (QrGenerationException e) {
            throw new IllegalStateException("QR code cannot be generated", e);
        }
    }

    /**
     * Checks a code of the current 30-second step or one step either side (clock drift); a step, once used, is
     * refused afterwards, so an overheard code cannot be replayed. The first correct code completes enrolment.
     */
    @Transactional
    public boolean verify(String username, String code, String clientAddress) {
        UserAccount user = users.findByUsernameIgnoreCase(username).orElseThrow();
        if (user.mfaSecretEncrypted() == null || code == null || !code.strip().matches("\\d{6}")) {
            return false;
        }
        String secret = cipher.decrypt(user.mfaSecretEncrypted());
        long now = Math.floorDiv(clock.instant().getEpochSecond(), PERIOD_SECONDS);
        boolean valid = false;
        for (long step = now - 1; step <= now + 1 && !valid; step++) {
            valid = matches(secret, step, code.strip()) && user.useSecondFactorStep(step);
        }
        if (valid) {
            user.secondFactorPassed();
        }
        if (valid && !user.mfaEnabled()) {
            user.enableSecondFactor();
            events.publishEvent(new AccountEvent(username, "SECOND_FACTOR_ENROLLED", user.id(), username, clientAddress,
                    AccountEvent.SUCCESS, null));
        }
        return valid;
    }

    private boolean matches(String secret, long step, String code) {
        try {
            return MessageDigest.isEqual(codes.generate(secret, step).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII));
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("TOTP code cannot be computed", e);
        }
    }
}
