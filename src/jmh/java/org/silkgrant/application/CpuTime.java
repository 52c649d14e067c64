package org.silkgrant.application;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The CPU time the benchmark thread spent per operation over the measurement iterations, printed at the end of the
 * trial: the development machines are shared, and when other builds take the cores, wall time measures them too.
 * (GC threads and JIT compilers are not included.) A benchmark counts its operations by calling {@link #op()}.
 */
@State(Scope.Thread)
public class CpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long ops;
    private long startNanos;
    private long measuredOps;
    private long measuredNanos;

    public void op() {
        ops++;
    }

    @Setup(Level.Iteration)
    public void start() {
        ops = 0;
        startNanos = THREADS.getCurrentThreadCpuTime();
    }

    @TearDown(Level.Iteration)
    public void stop(IterationParams iteration) {
        if (iteration.getType() == IterationType.MEASUREMENT) {
            measuredNanos += THREADS.getCurrentThreadCpuTime() - startNanos;
            measuredOps += ops;
        }
    }

    @TearDown(Level.Trial)
    public void report(BenchmarkParams benchmark) {
        if (measuredOps > 0) {
            System.out.printf("%ncpu time of %s: %.4f ms/op over %,d ops%n", benchmark.getBenchmark(),
                    measuredNanos / 1e6 / measuredOps, measuredOps);
        }
    }
}
