package org.silkgrant.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * {@code --silkgrant.files.migrate-to-s3=true} with {@code silkgrant.files.store=s3}: at start-up, copies every file
 * of the local directory that the bucket lacks. Idempotent, so it may be run again after an interruption; a file
 * whose content no longer matches its name is reported and left behind.
 */
@Component
@ConditionalOnBooleanProperty("silkgrant.files.migrate-to-s3")
class FileStoreMigration implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FileStoreMigration.class);

    private final FilesProperties files;
    private final FileStorage target;
    private final String dataDir;

    FileStoreMigration(FilesProperties files, FileStorage target, @Value("${silkgrant.data-dir}") String dataDir) {
        this.files = files;
        this.target = target;
        this.dataDir = dataDir;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (files.store() != FilesProperties.Store.S3) {
            throw new IllegalStateException("silkgrant.files.migrate-to-s3 needs silkgrant.files.store=s3");
        }
        LocalFileStorage source = new LocalFileStorage(LocalFileStorage.root(dataDir, files.directory()));
        Result result = migrate(source, target);
        log.info("Files copied from {} to the bucket: {} copied, {} there already, {} damaged and left behind",
                source.root(), result.copied(), result.present(), result.damaged());
    }

    /** Copies what {@code to} lacks of {@code from}. */
    static Result migrate(LocalFileStorage from, FileStorage to) {
        int copied = 0;
        int present = 0;
        int damaged = 0;
        try (Stream<Path> paths = from.files()) {
            for (Iterator<Path> it = paths.iterator(); it.hasNext();) {
                Path file = it.next();
                String sha256 = file.getFileName().toString();
                if (to.contains(sha256)) {
                    present++;
                } else if (!sha256.equals(sha256Of(file))) {
                    log.warn("{} does not hold the content its name says; not copied", file);
                    damaged++;
                } else {
                    to.keep(sha256, file, ContentTypes.detect(file));
                    copied++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the local files cannot be copied to the bucket", e);
        }
        return new Result(copied, present, damaged);
    }

    private static String sha256Of(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** What one run did. */
    record Result(int copied, int present, int damaged) {
    }
}
