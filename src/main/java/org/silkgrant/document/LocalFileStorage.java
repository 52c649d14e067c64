package org.silkgrant.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Content in a local (or shared network) directory: {@code <root>/<first two hex digits>/<sha256>}, written with an
 * atomic rename from a temp file in the same directory tree, so several nodes may share the directory.
 */
final class LocalFileStorage implements FileStorage {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    LocalFileStorage(Path root) {
        this.root = root;
    }

    /** The directory in {@code directory}, or {@code dataDir/files} when it is blank. */
    static Path root(String dataDir, String directory) {
        return directory == null || directory.isBlank() ? Path.of(dataDir, "files") : Path.of(directory);
    }

    Path root() {
        return root;
    }

    @Override
    public Path receivingDirectory() throws IOException {
        // The store's own directory, so the final move is a rename on one file system and can be atomic.
        return Files.createDirectories(root);
    }

    @Override
    public void keep(String sha256, Path received, String mediaType) throws IOException {
        Path target = path(sha256);
        if (Files.exists(target)) {
            return; // same digest, same content: the caller removes its received file
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(received, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // A parallel upload of the same content got there first; its file is ours too.
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException, MissingContentException {
        try {
            return Files.newInputStream(path(sha256));
        } catch (NoSuchFileException e) {
            throw new MissingContentException(sha256);
        }
    }

    @Override
    public boolean contains(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    /** Every kept file whose name is a SHA-256 in its two-digit directory (temp files and strangers left out). */
    Stream<Path> files() throws IOException {
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        return Files.walk(root, 2)
                .filter(Files::isRegularFile)
                .filter(p -> SHA256.matcher(p.getFileName().toString()).matches())
                .filter(p -> root.relativize(p).getNameCount() == 2
                        && p.getParent().getFileName().toString().equals(p.getFileName().toString().substring(0, 2)))
                .sorted();
    }

    private Path path(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }
}
