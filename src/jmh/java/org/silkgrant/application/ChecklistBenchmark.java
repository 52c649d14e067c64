package org.silkgrant.application;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.silkgrant.application.rules.EligibilityRule;
import org.silkgrant.application.rules.EligibilityRules;
import org.silkgrant.call.CallDefinition;

/** The eligibility checklist of a full application against the shipped 2023 call: every rule the call runs. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 6)
public class ChecklistBenchmark {

    private ApplicationContent content;
    private CallDefinition call;
    private RuleContext context;
    private List<EligibilityRule> rules;

    @Setup
    public void fullApplication() {
        ApplicationFixture fixture = FullApplication.fixture();
        content = fixture.content();
        call = fixture.call;
        context = fixture.context();
        rules = EligibilityRules.all();
        Checklist checklist = Checklist.evaluate(content, call, context, rules);
        if (!checklist.ready() || !checklist.failing().isEmpty()) {
            throw new IllegalStateException("the full application should pass every check: " + checklist.failing());
        }
    }

    @Benchmark
    public Checklist evaluate(CpuTime cpu) {
        cpu.op();
        return Checklist.evaluate(content, call, context, rules);
    }
}
