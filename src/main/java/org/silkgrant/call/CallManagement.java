package org.silkgrant.call;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.silkgrant.call.internal.CallDefinitionLoader;
import org.silkgrant.shared.NotFoundException;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The calls the system holds: reading them with their status, and the office's changes to their schedule. */
@Service
public class CallManagement {

    private final CallRepository calls;
    private final Clock clock;
    private final ResourceLoader resources;
    private final CallDefinitionLoader loader;
    private final Map<String, CallDefinition> parsed = new ConcurrentHashMap<>();

    CallManagement(CallRepository calls, Clock clock, ResourceLoader resources) {
        this.calls = calls;
        this.clock = clock;
        this.resources = resources;
        this.loader = new CallDefinitionLoader(path -> resources.getResource("classpath:" + path).exists());
    }

    /** Every call, the open ones first, then by deadline. */
    @Transactional(readOnly = true)
    public List<CallView> calls() {
        return calls.findAll().stream().map(this::view)
                .sorted(Comparator.comparing((CallView c) -> c.status() != CallStatus.OPEN)
                        .thenComparing(CallView::deadline, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<CallView> find(String code) {
        return calls.findByCode(code).map(this::view);
    }

    /** The call with this code, or a not-found signal naming it. */
    public CallView get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("call.notFound", code));
    }

    /** The original text of the call's guide, as published. */
    public Optional<String> guideText(String code) {
        CallDefinition definition = get(code).definition();
        if (definition.guideText() == null) {
            return Optional.empty();
        }
        try (InputStream in = resources.getResource("classpath:" + definition.guideText()).getInputStream()) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Guide text of call " + code + " cannot be read", e);
        }
    }

    /** The program office sets or moves the opening time and deadline (stored as instants). */
    @Transactional
    public CallView reschedule(String code, Instant opensAt, Instant deadline, long expectedVersion) {
        CallEntity call = calls.findByCode(code).orElseThrow(() -> new NotFoundException("call.notFound", code));
        if (call.version() != expectedVersion) {
            throw new org.springframework.orm.ObjectOptimisticLockingFailureException(CallEntity.class, code);
        }
        call.reschedule(opensAt, deadline);
        return view(calls.saveAndFlush(call));
    }

    CallDefinitionLoader loader() {
        return loader;
    }

    private CallView view(CallEntity call) {
        // Keyed by the row's version and the text's length, not the text's hash: a freshly loaded 100 KB definition
        // is a new string, and hashing it on every request showed in the deadline rush's profile.
        CallDefinition definition = parsed.computeIfAbsent(call.code() + "@" + call.version() + "@"
                + call.definition().length(),
                key -> loader.parse(call.source(), call.definition()));
        return new CallView(definition, call.opensAt(), call.deadline(),
                CallStatus.at(clock.instant(), call.opensAt(), call.deadline()), call.demo(), call.version());
    }
}
