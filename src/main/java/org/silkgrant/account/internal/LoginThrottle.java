package org.silkgrant.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.silkgrant.account.SecurityProperties;
import org.springframework.stereotype.Component;

/**
 * Throttles sign-in per client address: an address with too many failures inside the window may not try again
 * until its oldest failure leaves the window. Guards against guessing across many accounts, which the per-account
 * lock alone does not stop. Kept in memory: each node throttles what it sees.
 */
@Component
public class LoginThrottle {

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final SecurityProperties.Login settings;
    private final Clock clock;

    LoginThrottle(SecurityProperties properties, Clock clock) {
        this.settings = properties.login();
        this.clock = clock;
    }

    public void failed(String address) {
        if (address == null) {
            return;
        }
        Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
            prune(times);
        }
    }

    public boolean isThrottled(String address) {
        Deque<Instant> times = address == null ? null : failures.get(address);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            prune(times);
            return times.size() >= settings.addressMaxFailures();
        }
    }

    private void prune(Deque<Instant> times) {
        Instant oldest = clock.instant().minus(settings.addressWindow());
        while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
            times.removeFirst();
        }
    }
}
