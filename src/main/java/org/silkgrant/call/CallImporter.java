package org.silkgrant.call;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.silkgrant.shared.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports every call definition found at start-up that the database does not hold yet. A definition is imported
 * once; later changes to its dates are the office's. A bad definition stops the start with its problems listed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CallImporter implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CallImporter.class);
    /** The demonstration call opens a day before start-up and closes this long after it. */
    private static final Duration DEMO_OPEN_FOR = Duration.ofDays(30);
    private static final LocalTime DEMO_DEADLINE_TIME = LocalTime.of(18, 0);

    private final CallRepository calls;
    private final CallManagement management;
    private final CallProperties properties;
    private final ResourcePatternResolver resolver;
    private final DemoMode demo;
    private final Clock clock;

    CallImporter(CallRepository calls, CallManagement management, CallProperties properties,
            ResourcePatternResolver resolver, DemoMode demo, Clock clock) {
        this.calls = calls;
        this.management = management;
        this.properties = properties;
        this.resolver = resolver;
        this.demo = demo;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        boolean seedDemo = demo.isActive() && calls.count() == 0;
        List<String> imported = new ArrayList<>();
        for (String location : properties.locations()) {
            for (Resource resource : resolver.getResources(location)) {
                String source = resource.getFilename() == null ? location : "calls/" + resource.getFilename();
                String text;
                try (InputStream in = resource.getInputStream()) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                CallDefinition definition = management.loader().parse(source, text);
                if (calls.existsByCode(definition.code())) {
                    continue;
                }
                Instant opensAt = local(definition, definition.schedule() == null ? null : definition.schedule().opensAt());
                Instant deadline = local(definition, definition.schedule() == null ? null : definition.schedule().deadline());
                if (seedDemo) {
                    ZonedDateTime now = clock.instant().atZone(definition.timeZone());
                    opensAt = now.minusDays(1).toInstant();
                    deadline = now.plus(DEMO_OPEN_FOR).with(DEMO_DEADLINE_TIME).toInstant();
                }
                calls.save(new CallEntity(definition, source, text, opensAt, deadline, seedDemo, clock.instant()));
                imported.add(definition.code());
            }
        }
        if (!imported.isEmpty()) {
            log.info("Imported call definitions {}{}", imported, seedDemo ? " as demonstration calls" : "");
        }
    }

    private static Instant local(CallDefinition definition, java.time.LocalDateTime time) {
        return time == null ? null : time.atZone(definition.timeZone()).toInstant();
    }
}
