package org.silkgrant.review.assignment;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The expert-assignment benchmark of docs/performance.md: synthetic calls ({@link SyntheticCall#realistic}) of
 * 2,000 × 2,000 and 20,000 × 20,000, k = 5, m = 8; conflict finding and assignment timed once each (wall and CPU
 * time of this thread; OR-Tools runs on it too), peak heap and peak resident memory, and the optimality gap of the
 * sparse graph against the dense exact solution on smaller calls. A main class rather than JMH: each measurement
 * is one long operation whose memory matters as much as its time.
 *
 * <pre>./mvnw -B -o test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-Xmx6g -cp %classpath org.silkgrant.review.assignment.AssignmentBenchmark [sizes...]"</pre>
 */
public final class AssignmentBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int K = 5;
    private static final int M = 8;

    public static void main(String[] args) throws IOException {
        System.out.printf("cores %d, max heap %d MB, %s %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        gap();
        int[] sizes = args.length == 0 ? new int[] {2_000, 20_000} : java.util.Arrays.stream(args)
                .mapToInt(Integer::parseInt).toArray();
        for (int size : sizes) {
            call(size);
        }
    }

    private static void call(int size) throws IOException {
        SyntheticCall call = SyntheticCall.realistic(size, size, size);
        System.gc();
        resetPeaks();
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        Conflicts conflicts = ConflictFinder.find(call.applications(), call.experts());
        long conflictWall = System.nanoTime() - wall;
        long conflictCpu = THREADS.getCurrentThreadCpuTime() - cpu;
        long conflictHeap = peakHeap();

        resetPeaks();
        wall = System.nanoTime();
        cpu = THREADS.getCurrentThreadCpuTime();
        Assignment assignment = new AssignmentSolver().solve(AssignmentRequest.of(call.applications(), call.experts(),
                K, M), conflicts);
        long solveWall = System.nanoTime() - wall;
        long solveCpu = THREADS.getCurrentThreadCpuTime() - cpu;
        long solveHeap = peakHeap();

        double density = conflicts.count() / ((double) size * size);
        Assignment.Statistics statistics = assignment.statistics();
        System.out.printf("%n== %,d applications x %,d experts, k=%d, m=%d%n", size, size, K, M);
        System.out.printf("conflicts: %,d pairs (%.2f per application, density %.4f %%)%n", conflicts.count(),
                conflicts.count() / (double) size, density * 100);
        System.out.printf("conflict finding: wall %,d ms, cpu %,d ms, peak heap %,d MB%n", conflictWall / 1_000_000,
                conflictCpu / 1_000_000, conflictHeap >> 20);
        System.out.printf("assignment: wall %,d ms, cpu %,d ms (wall: first graph %,d ms, OR-Tools %,d ms over %d "
                + "solutions, pricing %,d ms), peak heap %,d MB%n", solveWall / 1_000_000, solveCpu / 1_000_000,
                statistics.candidateMillis(), statistics.solverMillis(), statistics.rounds(),
                statistics.pricingMillis(), solveHeap >> 20);
        System.out.printf("filled %,d of %,d slots, total affinity %,d (first round %,d), arcs %,d (%.1f per "
                + "application; dense would be %,d), optimal proven: %s%n", assignment.slotsFilled(),
                assignment.slotsWanted(), assignment.totalAffinity(), statistics.firstRoundAffinity(),
                statistics.arcs(), statistics.arcs() / (double) size, (long) size * size - conflicts.count(),
                assignment.optimal());
        System.out.printf("conflicts + assignment: wall %,d ms; peak resident memory of the process %s%n",
                (conflictWall + solveWall) / 1_000_000, residentPeak());
    }

    /** The sparse graph against the dense exact optimum on calls small enough for the dense graph. */
    private static void gap() {
        System.out.printf("%n== optimality gap against the dense exact solution, k=%d, m=%d%n", K, M);
        for (int size : new int[] {200, 500, 1_000}) {
            for (long seed = 1; seed <= 3; seed++) {
                SyntheticCall call = SyntheticCall.realistic(seed * 7919 + size, size, size);
                Conflicts conflicts = ConflictFinder.find(call.applications(), call.experts());
                AssignmentRequest request = AssignmentRequest.of(call.applications(), call.experts(), K, M);
                long started = System.nanoTime();
                Assignment exact = new AssignmentSolver(AssignmentSolver.Options.exact()).solve(request, conflicts);
                long exactMillis = (System.nanoTime() - started) / 1_000_000;
                started = System.nanoTime();
                Assignment sparse = new AssignmentSolver().solve(request, conflicts);
                long sparseMillis = (System.nanoTime() - started) / 1_000_000;
                long firstGap = exact.totalAffinity() - sparse.statistics().firstRoundAffinity();
                System.out.printf("%,5d x %,5d seed %d: exact %,d (%,d arcs, %,d ms), sparse %,d (%,d arcs, %d rounds,"
                        + " %,d ms, proven %s), gap %d; first sparse round alone: gap %d (%.5f %%)%n", size, size, seed,
                        exact.totalAffinity(), exact.statistics().arcs(), exactMillis, sparse.totalAffinity(),
                        sparse.statistics().arcs(), sparse.statistics().rounds(), sparseMillis, sparse.optimal(),
                        exact.totalAffinity() - sparse.totalAffinity(), firstGap,
                        100.0 * firstGap / exact.totalAffinity());
                if (exact.slotsFilled() != sparse.slotsFilled()) {
                    throw new IllegalStateException("slots differ: " + exact.slotsFilled() + " " + sparse.slotsFilled());
                }
            }
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** The sum of the heap pools' peaks since the last reset (an upper bound: pools peak at different times). */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** VmHWM: the most resident memory the process ever had, the native solver's included. */
    private static String residentPeak() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "unknown";
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmHWM"))
                .map(line -> line.substring(6).strip()).findFirst().orElse("unknown");
    }
}
