package org.silkgrant.application;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.silkgrant.document.ReceiptSigner;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a submission computes to freeze an application (ApplicationManagement.submit): the snapshot of a full
 * application as canonical JSON (about 70 KB), its SM3 digest, and the SM2 signature of the receipt line that carries
 * the digest — together ({@link #receipt}) and each step alone, to see where the time goes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class SnapshotSigningBenchmark {

    private static final String NUMBER = "SCO-2023-000042";
    private static final Instant SUBMITTED_AT = Instant.parse("2023-06-01T02:00:00.123456Z");

    private final JsonMapper json = JsonMapper.builder().build();
    private Path dataDir;
    private ReceiptSigner signer;
    private ObjectNode snapshot;
    private byte[] canonical;
    private byte[] line;

    @Setup
    public void fullSnapshot() throws IOException {
        dataDir = Files.createTempDirectory("silkgrant-jmh");
        signer = new ReceiptSigner(dataDir.toString(), "");
        snapshot = FullApplication.snapshot(FullApplication.fixture(), json);
        canonical = ApplicationManagement.canonical(json, snapshot);
        line = Receipt.signedLine(NUMBER, SUBMITTED_AT, signer.sm3Hex(canonical)).getBytes(StandardCharsets.UTF_8);
        if (canonical.length < 50_000 || canonical.length > 120_000) {
            throw new IllegalStateException("the snapshot should be a realistic 50–100 KB, not " + canonical.length + " bytes");
        }
        System.out.printf("%nsnapshot: %,d bytes of canonical JSON%n", canonical.length);
    }

    @TearDown
    public void removeKey() throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** All of it, as submit does it. */
    @Benchmark
    public String receipt(CpuTime cpu) {
        cpu.op();
        byte[] bytes = ApplicationManagement.canonical(json, snapshot);
        String digest = signer.sm3Hex(bytes);
        return signer.sign(Receipt.signedLine(NUMBER, SUBMITTED_AT, digest).getBytes(StandardCharsets.UTF_8));
    }

    @Benchmark
    public byte[] canonicalJson(CpuTime cpu) {
        cpu.op();
        return ApplicationManagement.canonical(json, snapshot);
    }

    @Benchmark
    public String sm3(CpuTime cpu) {
        cpu.op();
        return signer.sm3Hex(canonical);
    }

    @Benchmark
    public String sm2SignReceiptLine(CpuTime cpu) {
        cpu.op();
        return signer.sign(line);
    }
}
